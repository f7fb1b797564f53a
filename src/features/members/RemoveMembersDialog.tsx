// Remove members (selected rows or a pasted list) after a confirmation that names the thread and the count;
// the server runs the bulk operation, whose progress and per-user results then show under Operations.
import { Alert, TextField } from '@mui/material';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { quantity } from '../../lib/quantity.ts';
import { StartFailure } from './StartFailure.tsx';
import { UsernameListInput } from './UsernameListInput.tsx';
import { useParsedUsernames } from './use-parsed-usernames.ts';
import { useStartOperation } from './use-start-operation.ts';

const count = new Intl.NumberFormat();
/** From this many members on, the moderator types the count to confirm. */
const TYPED_CONFIRMATION_FROM = 100;
const SAMPLE_SIZE = 10;

export interface RemoveMembersDialogProps {
  threadId: string;
  threadName: string;
  /** The selected members to remove, or null to remove by a pasted list. */
  selected: readonly string[] | null;
  /** The thread's owner, when known: a removal that includes them says so. */
  owner?: string;
  onClose: () => void;
}

export function RemoveMembersDialog({
  threadId,
  threadName,
  selected,
  owner,
  onClose,
}: RemoveMembersDialogProps) {
  const start = useStartOperation(onClose);
  const [text, setText] = useState('');
  const [typedCount, setTypedCount] = useState('');
  const { parsed, counting } = useParsedUsernames(text);
  const usernames = selected ?? parsed.valid;
  const needsTypedCount = usernames.length >= TYPED_CONFIRMATION_FROM;
  const confirmed = !needsTypedCount || typedCount.trim() === String(usernames.length);

  const members = quantity(usernames.length, 'member', 'members');
  const includesOwner = owner !== undefined && usernames.includes(owner);
  return (
    <ConfirmDialog
      title={`Remove members from ${threadName}`}
      action={`Remove ${members}`}
      destructive
      disabled={(selected === null && counting) || usernames.length === 0 || !confirmed || start.isPending}
      onConfirm={() =>
        start.mutate({ kind: 'remove', threadId, usernames, invalid: selected ? [] : parsed.invalid })
      }
      onClose={onClose}
      focusAction={selected !== null && !needsTypedCount}
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
      {includesOwner && (
        <Alert severity="warning">
          This includes <strong>{owner}</strong>, the thread&apos;s owner: they will no longer be a member of
          the thread they started.
        </Alert>
      )}
      {needsTypedCount && (
        <TextField
          autoFocus={selected !== null}
          label={`Type ${usernames.length} to confirm`}
          value={typedCount}
          onChange={(event) => setTypedCount(event.target.value)}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          sx={{ maxWidth: 260 }}
        />
      )}
      <StartFailure error={start.error} />
    </ConfirmDialog>
  );
}
