// Remove one user from many threads after a confirmation that names the user, the number of threads and a
// sample; the bulk operation's progress and per-thread results then show under Operations.
import { Alert, Typography } from '@mui/material';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { quantity } from '../../lib/quantity.ts';
import { StartFailure } from './StartFailure.tsx';
import { useStartOperation } from './use-start-operation.ts';

const count = new Intl.NumberFormat();
const SAMPLE_SIZE = 5;
const threadsText = (n: number) => quantity(n, 'thread', 'threads');

export interface RemoveFromThreadsDialogProps {
  username: string;
  threads: readonly { id: string; name: string }[];
  /** `all`: every thread the user joined (of `groupId`), every page loaded first; else the selected ones. */
  scope: 'selected' | 'all';
  groupId: string | null;
  /** The server took the operation; it runs on, and opens under Operations. */
  onStarted: () => void;
  onClose: () => void;
}

export function RemoveFromThreadsDialog({
  username,
  threads,
  scope,
  groupId,
  onStarted,
  onClose,
}: RemoveFromThreadsDialogProps) {
  const start = useStartOperation(onStarted);
  const sample = threads.slice(0, SAMPLE_SIZE).map((thread) => thread.name);
  const more = threads.length - sample.length;
  const inGroup = groupId ? ` in group ${groupId}` : '';

  return (
    <ConfirmDialog
      title={`Remove ${username} from ${threadsText(threads.length)}`}
      action={`Remove from ${threadsText(threads.length)}`}
      destructive
      disabled={threads.length === 0 || start.isPending}
      onConfirm={() => start.mutate({ kind: 'remove', username, threads })}
      onClose={onClose}
    >
      <Alert severity="warning">
        <strong>{username}</strong> will be removed from {threadsText(threads.length)}: {sample.join(', ')}
        {more > 0 ? ` and ${count.format(more)} more` : ''}.
      </Alert>
      <Typography>
        {scope === 'all'
          ? `These are all the threads ${username} had joined${inGroup} when the list was loaded: every page was loaded before this confirmation. Threads joined after that are not included.`
          : `Only the selected threads${inGroup}; ${username} stays in the others.`}{' '}
        Each thread is one call within the shared budget; Undo adds {username} back to the threads they were
        removed from.
      </Typography>
      <StartFailure error={start.error} />
    </ConfirmDialog>
  );
}
