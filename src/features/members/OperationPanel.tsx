// A running or finished bulk operation in a dialog: progress, counts, a result per user, export; and its
// actions: cancel while it runs, then Undo (for about ten seconds), Retry failed and Close.
import { Button, Stack, Typography } from '@mui/material';
import { useMemo } from 'react';
import type { BulkOperation } from '../../lib/bulk/bulk-operation.ts';
import type { BulkSnapshot } from '../../lib/bulk/progress.ts';
import type { ParsedUsernames } from '../../lib/username-list.ts';
import { BulkProgress } from './BulkProgress.tsx';
import { BulkResults, everyRow, resultRowList } from './BulkResults.tsx';
import { changedUsers, operationSummary, usersToRetry } from './member-changes.ts';
import { resultsFileName, type ResultRow } from './results-export.ts';
import { ResultsExport } from './ResultsExport.tsx';
import { UndoCountdown } from './UndoCountdown.tsx';
import { threadLabel, type AcrossThreads } from './user-thread-changes.ts';

const count = new Intl.NumberFormat();

export function OperationPanel({
  snapshot,
  running,
  invalid,
  threadId,
  undone,
  acrossThreads,
}: {
  snapshot: BulkSnapshot;
  running: boolean;
  /** Entries of the input that were never sent. */
  invalid: ParsedUsernames['invalid'];
  threadId: string;
  undone: boolean;
  /** Set when the results are one user's threads rather than users of `threadId`. */
  acrossThreads?: AcrossThreads | undefined;
}) {
  const usernames = useMemo(() => [...snapshot.outcomes.keys()], [snapshot.outcomes]);
  // The outcome map is live: a new snapshot means new outcomes even though the map is the same object.
  const rows = useMemo(() => {
    const results = resultRowList(usernames, snapshot.outcomes, invalid);
    if (!acrossThreads) return results;
    return {
      length: results.length,
      at: (index: number): ResultRow => {
        const [threadId, outcome] = results.at(index);
        return [threadLabel(acrossThreads, threadId), outcome];
      },
    };
  }, [usernames, snapshot, invalid, acrossThreads]);
  const finishedRows = useMemo(() => (running ? [] : everyRow(rows)), [running, rows]);
  return (
    <Stack spacing={2} sx={{ pt: 1 }}>
      <BulkProgress snapshot={snapshot} items={acrossThreads ? 'threads' : 'users'} />
      <Typography>
        {operationSummary(snapshot, undone)}
        {invalid.length > 0 ? ` · invalid ${count.format(invalid.length)}` : ''}
      </Typography>
      <BulkResults rows={rows} />
      {!running && (
        <ResultsExport
          rows={finishedRows}
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

export interface UndoOffer {
  /** `Date.now()` at which the offer ends. */
  until: number;
  caveat?: string;
  run: (users: string[]) => void;
}

export function OperationActions({
  operation,
  snapshot,
  running,
  undo,
  onRetryFailed,
  onClose,
}: {
  operation: BulkOperation;
  snapshot: BulkSnapshot;
  running: boolean;
  /** Reverses the users the operation changed; absent when not (or no longer) offered. */
  undo: UndoOffer | undefined;
  /** Absent once the operation was undone: sending more would work against the Undo. */
  onRetryFailed: (() => void) | undefined;
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
  const changed = undo ? changedUsers(snapshot) : [];
  const retry = usersToRetry(snapshot);
  return (
    <>
      {undo && changed.length > 0 && (
        <UndoCountdown
          until={undo.until}
          caveat={undo.caveat}
          label={
            snapshot.kind === 'add'
              ? `Undo: remove the ${count.format(changed.length)} added`
              : `Undo: add back ${count.format(changed.length)}`
          }
          onUndo={() => undo.run(changed)}
        />
      )}
      {onRetryFailed && retry.count > 0 && (
        <Button onClick={onRetryFailed}>
          {retry.includesNotSent
            ? `Send the rest (${count.format(retry.count)} failed or not sent)`
            : `Retry failed (${count.format(retry.count)})`}
        </Button>
      )}
      <Button variant="contained" onClick={onClose}>
        Close
      </Button>
    </>
  );
}
