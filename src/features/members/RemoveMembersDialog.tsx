// Remove members (selected rows or a pasted list) after a confirmation that names the thread and the count;
// the bulk operation's progress and per-user results then show under Operations.
import { Alert, TextField } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useApi } from '../../api/api-context.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { parseUsernames } from '../../lib/username-list.ts';
import { launch, removeMembersOperation } from './member-changes.ts';
import { UsernameListInput } from './UsernameListInput.tsx';
import { quantity } from '../../lib/quantity.ts';

const count = new Intl.NumberFormat();
/** From this many members on, the moderator types the count to confirm. */
const TYPED_CONFIRMATION_FROM = 100;
const SAMPLE_SIZE = 10;

export interface RemoveMembersDialogProps {
  threadId: string;
  threadName: string;
  /** The selected members to remove, or null to remove by a pasted list. */
  selected: readonly string[] | null;
  /** Loaded members, and whether the list holds the whole thread: who was a member when removal began. */
  loadedMembers: readonly string[];
  allLoaded: boolean;
  /** The operation is listed and running; its id shows it. */
  onStarted: (operationId: number) => void;
  onClose: () => void;
}

export function RemoveMembersDialog({
  threadId,
  threadName,
  selected,
  loadedMembers,
  allLoaded,
  onStarted,
  onClose,
}: RemoveMembersDialogProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [typedCount, setTypedCount] = useState('');
  const parsed = useMemo(() => parseUsernames(text), [text]);
  const usernames = selected ?? parsed.valid;
  const needsTypedCount = usernames.length >= TYPED_CONFIRMATION_FROM;
  const confirmed = !needsTypedCount || typedCount.trim() === String(usernames.length);

  function remove() {
    const loaded = new Set(loadedMembers);
    const entry = launch(queryClient, {
      label: `Remove members from ${threadName}`,
      threadId,
      threadName,
      operation: removeMembersOperation(api, queryClient, threadId, usernames, {
        // A name missing from a fully loaded list was not a member; one beyond the loaded pages may have been.
        wasMember: (name) => loaded.has(name) || !allLoaded,
      }),
      invalid: selected ? [] : parsed.invalid,
      isUndo: false,
    });
    onStarted(entry.id);
  }

  const members = quantity(usernames.length, 'member', 'members');
  return (
    <ConfirmDialog
      title={`Remove members from ${threadName}`}
      action={`Remove ${members}`}
      destructive
      disabled={usernames.length === 0 || !confirmed}
      onConfirm={remove}
      onClose={onClose}
      wide
    >
      {selected === null && <UsernameListInput text={text} onTextChange={setText} parsed={parsed} />}
      {usernames.length > 0 && (
        <Alert severity="warning">
          {members} will be removed from <strong>{threadName}</strong>:{' '}
          {usernames.slice(0, SAMPLE_SIZE).join(', ')}
          {usernames.length > SAMPLE_SIZE ? ` and ${count.format(usernames.length - SAMPLE_SIZE)} more` : ''}.
        </Alert>
      )}
      {needsTypedCount && (
        <TextField
          label={`Type ${usernames.length} to confirm`}
          value={typedCount}
          onChange={(event) => setTypedCount(event.target.value)}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          sx={{ maxWidth: 260 }}
        />
      )}
    </ConfirmDialog>
  );
}
