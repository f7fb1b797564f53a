// Every bulk operation of this tab: one shown with its progress and results, or all of them in a list.
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState, useSyncExternalStore } from 'react';
import { useApi } from '../../api/api-context.tsx';
import type { BulkSnapshot } from '../../lib/bulk/progress.ts';
import { CallBudgetField } from './CallBudgetField.tsx';
import { launchUndo, operationSummary, retryFailed } from './member-changes.ts';
import { OperationActions, OperationPanel } from './OperationPanel.tsx';
import { isRunning, operations, type OperationEntry } from './operations.ts';
import { undoRemovalFromThreads } from './user-thread-changes.ts';

const noOperation = () => () => undefined;
const noSnapshot = () => null;

function OperationRow({ entry, onShow }: { entry: OperationEntry; onShow: () => void }) {
  const { operation } = entry;
  const snapshot = useSyncExternalStore(operation.subscribe, operation.getSnapshot);
  return (
    <Stack direction="row" spacing={2} role="listitem" sx={{ alignItems: 'center' }}>
      <Stack sx={{ flexGrow: 1 }}>
        <Typography>{entry.label}</Typography>
        <Typography variant="body2" color="text.secondary">
          {isRunning(entry) ? 'Running · ' : ''}
          {operationSummary(snapshot, entry.undone)}
        </Typography>
      </Stack>
      <Button onClick={onShow} aria-label={`Show ${entry.label}`}>
        Show
      </Button>
      <Button
        disabled={isRunning(entry)}
        onClick={() => operations.dismiss(entry.id)}
        aria-label={`Dismiss ${entry.label}`}
      >
        Dismiss
      </Button>
    </Stack>
  );
}

export function OperationsDialog({ initialId, onClose }: { initialId: number | null; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const entries = useSyncExternalStore(operations.subscribe, operations.getSnapshot);
  const [shownId, setShownId] = useState(initialId);
  const shown = entries.find((entry) => entry.id === shownId);
  const snapshot: BulkSnapshot | null = useSyncExternalStore(
    shown?.operation.subscribe ?? noOperation,
    shown?.operation.getSnapshot ?? noSnapshot,
  );

  if (!shown || !snapshot) {
    return (
      <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="operations-title">
        <DialogTitle id="operations-title">Operations</DialogTitle>
        <DialogContent>
          {entries.length === 0 ? (
            <Typography>
              No operations: adds and removals you start appear here until you dismiss them.
            </Typography>
          ) : (
            <Stack role="list" aria-label="Operations" spacing={1}>
              {entries.map((entry) => (
                <OperationRow key={entry.id} entry={entry} onShow={() => setShownId(entry.id)} />
              ))}
            </Stack>
          )}
          <Typography variant="h6" component="h2" sx={{ pt: 3, pb: 1 }}>
            Settings
          </Typography>
          <CallBudgetField />
        </DialogContent>
        <DialogActions>
          <Button variant="contained" onClick={onClose}>
            Close
          </Button>
        </DialogActions>
      </Dialog>
    );
  }

  const running = isRunning(shown);
  const across = shown.acrossThreads;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="operation-title">
      <DialogTitle id="operation-title">{shown.label}</DialogTitle>
      <DialogContent>
        <OperationPanel
          snapshot={snapshot}
          running={running}
          invalid={shown.invalid}
          threadId={shown.threadId}
          undone={shown.undone}
          acrossThreads={across}
        />
        {running && (
          <Typography variant="body2" color="text.secondary" sx={{ pt: 1 }}>
            Closing this window does not stop the operation: it stays under Operations in the top bar.
          </Typography>
        )}
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        <Button onClick={() => setShownId(null)}>All operations</Button>
        <OperationActions
          operation={shown.operation}
          snapshot={snapshot}
          running={running}
          undo={
            shown.undoUntil === null
              ? undefined
              : {
                  until: shown.undoUntil,
                  caveat: shown.undoCaveat,
                  run: (items) =>
                    setShownId(
                      (across
                        ? undoRemovalFromThreads(api, queryClient, shown, across, items)
                        : launchUndo(api, queryClient, shown, items)
                      ).id,
                    ),
                }
          }
          onRetryFailed={shown.undone ? undefined : () => retryFailed(queryClient, shown)}
          onClose={onClose}
        />
      </DialogActions>
    </Dialog>
  );
}
