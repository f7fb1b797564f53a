// The operations of everyone, running and recent, or one of them with its results and actions: cancel while
// it runs; afterwards Undo (as long as its record exists) and Retry failed, or an export's Download (or Resume,
// when it stopped or was cancelled).
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context.tsx';
import { actOnOperation, type OperationAction, type OperationSummary } from '../../api/operations.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { awaitExport, takeAwaitedExport } from '../../lib/awaited-exports.ts';
import { LoadingBar } from '../../components/LoadingBar.tsx';
import { errorMessage } from '../../components/error-message.ts';
import { ALL_OPERATIONS } from '../../lib/operation-address.ts';
import { OperationPanel } from './OperationPanel.tsx';
import {
  isUnfinished,
  operationKey,
  operationListKey,
  operationQuery,
  operationsQuery,
} from './operation-queries.ts';
import { changedStatus, countsLine, itemsText, itemsToRetry, undoText } from './operation-text.ts';
import { useExportDownload } from './use-export-download.ts';

const startedAt = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

function OperationRow({ operation, onShow }: { operation: OperationSummary; onShow: () => void }) {
  return (
    <Stack direction="row" spacing={2} role="listitem" sx={{ alignItems: 'center' }}>
      <Stack sx={{ flexGrow: 1 }}>
        <Typography>{operation.label}</Typography>
        <Typography variant="body2" color="text.secondary">
          {operation.actor} · {startedAt.format(operation.createdAt)} ·{' '}
          {isUnfinished(operation.state) ? 'Running · ' : ''}
          {countsLine(operation)}
        </Typography>
      </Stack>
      {operation.kind === 'export' && operation.state === 'finished' && (
        <ExportDownload operation={operation} />
      )}
      <Button onClick={onShow} aria-label={`Show ${operation.label}`}>
        Show
      </Button>
    </Stack>
  );
}

/** A finished export's file, in the format chosen when it started. */
function ExportDownload({ operation }: { operation: OperationSummary }) {
  const download = useExportDownload(operation);
  return (
    <Button
      onClick={() => download.mutate(operation.exportWalk?.format ?? 'csv')}
      disabled={download.isPending}
      aria-label={`Download the file of ${operation.label}`}
    >
      {download.isError ? 'Download failed: try again' : 'Download'}
    </Button>
  );
}

function OperationList({ onShow, onClose }: { onShow: (id: string) => void; onClose: () => void }) {
  const { data, error, refetch } = useQuery(operationsQuery(useApi()));
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="operations-title">
      <DialogTitle id="operations-title">Operations</DialogTitle>
      <DialogContent>
        {error && !data ? (
          <ErrorNotice error={error} what="the operations" onRetry={() => void refetch()} />
        ) : data === undefined ? (
          <LoadingBar label="Loading the operations" />
        ) : data.length === 0 ? (
          <Typography>
            No operations yet: adds and removals anyone starts appear here, with their results, and keep
            running on the server when a window is closed.
          </Typography>
        ) : (
          <Stack role="list" aria-label="Operations" spacing={1}>
            {data.map((operation) => (
              <OperationRow key={operation.id} operation={operation} onShow={() => onShow(operation.id)} />
            ))}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function OneOperation({
  id,
  mayChange,
  signedInAs,
  onShow,
  onClose,
}: {
  id: string;
  mayChange: boolean;
  signedInAs: string | undefined;
  onShow: (id: string) => void;
  onClose: () => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { data, error, refetch } = useQuery(operationQuery(api, id));
  const act = useMutation({
    mutationFn: (action: OperationAction) => actOnOperation(api, id, action),
    // The tab that resumes an export downloads its file when it ends, as the tab that started it. Awaited
    // before asking: a short rest of the walk can end before the answer to the request arrives.
    onMutate: (action) => {
      if (action === 'retry' && data?.operation.kind === 'export') awaitExport(id);
    },
    onError: (_, action) => {
      if (action === 'retry') takeAwaitedExport(id);
    },
    onSuccess: (operation, action) => {
      queryClient.setQueryData<OperationSummary[]>(operationListKey, (list) =>
        list?.some((entry) => entry.id === operation.id)
          ? list.map((entry) => (entry.id === operation.id ? operation : entry))
          : list && [operation, ...list],
      );
      void queryClient.invalidateQueries({ queryKey: operationKey(id) });
      if (action === 'undo') onShow(operation.id);
    },
  });
  const operation = data?.operation;
  const running = operation !== undefined && isUnfinished(operation.state);
  const changed = operation?.counts[changedStatus(operation)] ?? 0;
  const retry = operation ? itemsToRetry(operation) : { count: 0, includesNotSent: false };
  const isExport = operation?.kind === 'export';
  // Whoever started an export may cancel it, viewers too; anything else takes a moderator.
  const mayCancel = mayChange || (isExport && operation.actor === signedInAs);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="operation-title">
      <DialogTitle id="operation-title">{operation?.label ?? 'Operation'}</DialogTitle>
      <DialogContent>
        {error && !data ? (
          <ErrorNotice error={error} what="the operation" onRetry={() => void refetch()} />
        ) : data === undefined ? (
          <LoadingBar label="Loading the operation" />
        ) : (
          <OperationPanel detail={data} onShow={onShow} />
        )}
        {act.error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {errorMessage(act.error, 'the operation').detail}
          </Alert>
        )}
        {running && (
          <Typography variant="body2" color="text.secondary" sx={{ pt: 1 }}>
            Closing this window does not stop the operation: it runs on the server, and stays under Operations
            in the top bar.{isExport ? ' Its file downloads here when it is done, or later from there.' : ''}
          </Typography>
        )}
      </DialogContent>
      {/* Close first, as Cancel is in every other dialog, then what can be done with the operation. */}
      <DialogActions sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        <Button onClick={onClose} autoFocus>
          Close
        </Button>
        <Button onClick={() => onShow(ALL_OPERATIONS)}>All operations</Button>
        {mayCancel && operation && running && (
          <Button
            onClick={() => act.mutate('cancel')}
            disabled={operation.state === 'cancelling' || act.isPending}
          >
            {isExport ? 'Cancel export' : 'Cancel operation'}
          </Button>
        )}
        {mayCancel && isExport && !running && operation.state !== 'finished' && (
          <Button onClick={() => act.mutate('retry')} disabled={act.isPending}>
            Resume export
          </Button>
        )}
        {mayChange &&
          operation &&
          !running &&
          operation.undoOf === null &&
          operation.undoneBy === null &&
          changed > 0 && (
            <Button onClick={() => act.mutate('undo')} disabled={act.isPending}>
              {undoText(operation, changed)}
            </Button>
          )}
        {mayChange && operation && !running && operation.undoneBy === null && retry.count > 0 && (
          <Button onClick={() => act.mutate('retry')} disabled={act.isPending}>
            {retry.includesNotSent
              ? `Send the rest (${itemsText(operation, retry.count)} failed or not sent)`
              : `Retry failed (${itemsText(operation, retry.count)})`}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

/** `shown`: an operation's id, or `all` for the list. */
export function OperationsDialog({
  shown,
  ...actions
}: {
  shown: string;
  mayChange: boolean;
  /** The signed-in user's name, once known: they may cancel their own exports. */
  signedInAs: string | undefined;
  onShow: (id: string) => void;
  onClose: () => void;
}) {
  return shown === ALL_OPERATIONS ? (
    <OperationList onShow={actions.onShow} onClose={actions.onClose} />
  ) : (
    <OneOperation key={shown} id={shown} {...actions} />
  );
}
