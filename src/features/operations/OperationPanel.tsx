// One operation: who started it and when, its progress and counts, the result of each item (problems first,
// filterable), and the export of the results once it has ended; for an export, its walk and its file.
import { Alert, Button, Stack, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import type { OperationDetail } from '../../api/operations.ts';
import { BulkProgress } from './BulkProgress.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import {
  BulkResults,
  everyRow,
  resultRowList,
  ResultsFilterButtons,
  type ResultsFilter,
} from './BulkResults.tsx';
import { isUnfinished } from './operation-queries.ts';
import { countsLine } from './operation-text.ts';
import { resultsFileName } from './results-export.ts';
import { ResultsExport } from './ResultsExport.tsx';

const FILE_PREFIX = {
  thread: { add: 'add-members', remove: 'remove-members' },
  'user-threads': { add: 'add-to-threads', remove: 'remove-from-threads' },
} as const;
const startedAt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function OperationPanel({
  detail,
  onShow,
}: {
  detail: OperationDetail;
  /** Opens a related operation (the one this undoes, or the one that undid it). */
  onShow: (id: string) => void;
}) {
  const { operation } = detail;
  const [filter, setFilter] = useState<ResultsFilter>('all');
  const rows = useMemo(() => resultRowList(detail, filter), [detail, filter]);
  const running = isUnfinished(operation.state);
  const allRows = useMemo(() => (running ? [] : everyRow(resultRowList(detail))), [running, detail]);
  const acrossThreads = operation.scope === 'user-threads';
  const { kind } = operation;
  if (kind === 'export') {
    return (
      <Stack spacing={2} sx={{ pt: 1 }}>
        <StartedBy operation={operation} />
        <ExportPanel operation={operation} />
      </Stack>
    );
  }
  return (
    <Stack spacing={2} sx={{ pt: 1 }}>
      <StartedBy operation={operation} />
      {operation.undoOf !== null && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="body2">This is an undo.</Typography>
          <Button size="small" onClick={() => onShow(operation.undoOf ?? '')}>
            Show what it undid
          </Button>
        </Stack>
      )}
      {operation.undoneBy !== null && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="body2">This operation was undone.</Typography>
          <Button size="small" onClick={() => onShow(operation.undoneBy ?? '')}>
            Show the undo
          </Button>
        </Stack>
      )}
      {operation.leftAlone.length > 0 && (
        <Alert severity="info">
          Left as they are, because a later operation changed them again: {operation.leftAlone.join(', ')}
        </Alert>
      )}
      <BulkProgress operation={operation} />
      <Typography>{countsLine(operation)}</Typography>
      <ResultsFilterButtons operation={operation} value={filter} onChange={setFilter} />
      <BulkResults rows={rows} />
      {!running && (
        <ResultsExport
          rows={allRows}
          firstColumn={acrossThreads ? 'thread' : 'username'}
          fileName={() =>
            resultsFileName(
              FILE_PREFIX[operation.scope][kind],
              acrossThreads ? (operation.username ?? '') : (operation.threadId ?? ''),
              new Date(),
            )
          }
        />
      )}
    </Stack>
  );
}

function StartedBy({ operation }: { operation: OperationDetail['operation'] }) {
  return (
    <Typography variant="body2" color="text.secondary">
      Started by {operation.actor} · {startedAt.format(operation.createdAt)}
      {operation.run > 1 ? ` · run ${operation.run}` : ''}
    </Typography>
  );
}
