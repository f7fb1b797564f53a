// Remove one user from many threads after a confirmation that names the user, the number of threads and a
// sample; the bulk operation's progress and per-thread results then show under Operations.
import { Alert, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { launchRemovalFromThreads } from './user-thread-changes.ts';
import { quantity } from '../../lib/quantity.ts';

const count = new Intl.NumberFormat();
const SAMPLE_SIZE = 5;
const threadsText = (n: number) => quantity(n, 'thread', 'threads');

export interface RemoveFromThreadsDialogProps {
  username: string;
  threads: readonly { id: string; name: string }[];
  /** `all`: every thread the user joined (of `groupId`), every page loaded first; else the selected ones. */
  scope: 'selected' | 'all';
  groupId: string | null;
  /** The operation is listed and running; its id shows it. */
  onStarted: (operationId: number) => void;
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
  const api = useApi();
  const queryClient = useQueryClient();
  const sample = threads.slice(0, SAMPLE_SIZE).map((thread) => thread.name);
  const more = threads.length - sample.length;
  const inGroup = groupId ? ` in group ${groupId}` : '';

  return (
    <ConfirmDialog
      title={`Remove ${username} from ${threadsText(threads.length)}`}
      action={`Remove from ${threadsText(threads.length)}`}
      destructive
      disabled={threads.length === 0}
      onConfirm={() => onStarted(launchRemovalFromThreads(api, queryClient, username, threads).id)}
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
    </ConfirmDialog>
  );
}
