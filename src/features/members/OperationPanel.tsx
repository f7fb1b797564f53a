// A running or finished bulk operation in a dialog: progress, counts, a result per user, export; and its
// actions: cancel while it runs, then Undo (for about ten seconds), Retry failed and Close.
import { Button, Stack, Typography } from '@mui/material';
import { useMemo } from 'react';
import type { BulkOperation } from '../../lib/bulk/bulk-operation.ts';
import type { BulkSnapshot } from '../../lib/bulk/progress.ts';
import type { ParsedUsernames } from '../../lib/username-list.ts';
import { BulkProgress } from './BulkProgress.tsx';
import { BulkResults, resultRows } from './BulkResults.tsx';
import { changedUsers, operationSummary } from './member-changes.ts';
import { resultsFileName } from './results-export.ts';
import { ResultsExport } from './ResultsExport.tsx';
import { UndoCountdown } from './UndoCountdown.tsx';
import { threadLabel, type AcrossThreads } from './user-thread-changes.ts';

const count = new Intl.NumberFormat();

export function OperationPanel({
  snapshot,
  running,
  invalid,
  threadId,
  acrossThreads,
}: {
  snapshot: BulkSnapshot;
  running: boolean;
  /** Entries of the input that were never sent. */
  invalid: ParsedUsernames['invalid'];
  threadId: string;
  /** Set when the results are one user's threads rather than users of `threadId`. */
  acrossThreads?: AcrossThreads | undefined;
}) {
  const rows = useMemo(() => {
    const results = resultRows(snapshot, invalid);
    if (!acrossThreads) return results;
    return results.map(([threadId, outcome]): [string, string] => [
      threadLabel(acrossThreads, threadId),
      outcome,
    ]);
  }, [snapshot, invalid, acrossThreads]);
  return (
    <Stack spacing={2} sx={{ pt: 1 }}>
      <BulkProgress snapshot={snapshot} items={acrossThreads ? 'threads' : 'users'} />
      <Typography>
        {operationSummary(snapshot)}
        {invalid.length > 0 ? ` · invalid ${count.format(invalid.length)}` : ''}
      </Typography>
      <BulkResults rows={rows} />
      {!running && (
        <ResultsExport
          rows={rows}
          firstColumn={acrossThreads ? 'thread' : 'username'}
          fileName={() =>
            acrossThreads
              ? resultsFileName(
                  snapshot.kind === 'add' ? 'add-to-threads' : 'remove-from-threads',
                  acrossThreads.username,
                  new Date(),
                )
              : resultsFileName(
                  snapshot.kind === 'add' ? 'add-members' : 'remove-members',
                  threadId,
                  new Date(),
                )
          }
        />
      )}
    </Stack>
  );
}

export function OperationActions({
  operation,
  snapshot,
  running,
  onUndo,
  onRetryFailed,
  onClose,
}: {
  operation: BulkOperation;
  snapshot: BulkSnapshot;
  running: boolean;
  /** Reverses the users the operation changed; absent when this operation is itself an undo. */
  onUndo?: (users: string[]) => void;
  onRetryFailed: () => void;
  onClose: () => void;
}) {
  if (running) {
    return (
      <>
        <Button onClick={() => operation.cancel()} disabled={snapshot.state === 'cancelling'}>
          Cancel operation
        </Button>
        <Button variant="contained" onClick={onClose}>
          Close
        </Button>
      </>
    );
  }
  const changed = onUndo ? changedUsers(snapshot) : [];
  return (
    <>
      {onUndo && changed.length > 0 && (
        <UndoCountdown
          key={snapshot.run}
          label={
            snapshot.kind === 'add'
              ? `Undo: remove the ${count.format(changed.length)} added`
              : `Undo: add back ${count.format(changed.length)}`
          }
          onUndo={() => onUndo(changed)}
        />
      )}
      {snapshot.counts.failed > 0 && (
        <Button onClick={onRetryFailed}>Retry failed ({count.format(snapshot.counts.failed)})</Button>
      )}
      <Button variant="contained" onClick={onClose}>
        Close
      </Button>
    </>
  );
}
