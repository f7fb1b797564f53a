// Remove members (selected rows or a pasted list) after a confirmation that names the thread and the count;
// then one bulk operation with a result per user, and Undo for about ten seconds.
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useApi } from '../../api/api-context.tsx';
import { parseUsernames, type ParsedUsernames } from '../../lib/username-list.ts';
import { addMembersOperation, removeMembersOperation } from './member-changes.ts';
import { OperationActions, OperationPanel } from './OperationPanel.tsx';
import { useBulkOperation } from './use-bulk-operation.ts';
import { UsernameListInput } from './UsernameListInput.tsx';

const count = new Intl.NumberFormat();
/** From this many members on, the moderator types the count to confirm. */
const TYPED_CONFIRMATION_FROM = 100;
const SAMPLE_SIZE = 10;
const NO_INVALID: ParsedUsernames['invalid'] = [];

export interface RemoveMembersDialogProps {
  threadId: string;
  threadName: string;
  /** The selected members to remove, or null to remove by a pasted list. */
  selected: readonly string[] | null;
  /** Loaded members, and whether the list holds the whole thread: who was a member when removal began. */
  loadedMembers: readonly string[];
  allLoaded: boolean;
  /** Called with the members that left the thread, e.g. to clear them from the selection. */
  onRemoved: (usernames: readonly string[]) => void;
  onClose: () => void;
}

export function RemoveMembersDialog({
  threadId,
  threadName,
  selected,
  loadedMembers,
  allLoaded,
  onRemoved,
  onClose,
}: RemoveMembersDialogProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [typedCount, setTypedCount] = useState('');
  const { operation, snapshot, running, run, retryFailed } = useBulkOperation(threadId);

  const parsed = useMemo(() => parseUsernames(text), [text]);
  const usernames = selected ?? parsed.valid;
  const needsTypedCount = usernames.length >= TYPED_CONFIRMATION_FROM;
  const confirmed = !needsTypedCount || typedCount.trim() === String(usernames.length);
  const isUndo = operation?.kind === 'add';

  function remove() {
    const loaded = new Set(loadedMembers);
    run(
      removeMembersOperation(api, queryClient, threadId, usernames, {
        // A name missing from a fully loaded list was not a member; one beyond the loaded pages may have been.
        wasMember: (name) => loaded.has(name) || !allLoaded,
        onGone: onRemoved,
      }),
    );
  }

  return (
    <Dialog
      open
      onClose={running ? undefined : onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="remove-members-title"
    >
      <DialogTitle id="remove-members-title">
        {isUndo ? `Undo: adding members back to ${threadName}` : `Remove members from ${threadName}`}
      </DialogTitle>
      <DialogContent>
        {snapshot === null ? (
          <Stack spacing={2} sx={{ pt: 1 }}>
            {selected === null && <UsernameListInput text={text} onTextChange={setText} parsed={parsed} />}
            {usernames.length > 0 && (
              <Alert severity="warning">
                {count.format(usernames.length)} {usernames.length === 1 ? 'member' : 'members'} will be
                removed from <strong>{threadName}</strong>: {usernames.slice(0, SAMPLE_SIZE).join(', ')}
                {usernames.length > SAMPLE_SIZE
                  ? ` and ${count.format(usernames.length - SAMPLE_SIZE)} more`
                  : ''}
                .
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
          </Stack>
        ) : (
          <OperationPanel snapshot={snapshot} running={running} invalid={NO_INVALID} threadId={threadId} />
        )}
      </DialogContent>
      <DialogActions>
        {snapshot === null && (
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button
              variant="contained"
              color="error"
              disabled={usernames.length === 0 || !confirmed}
              onClick={remove}
            >
              Remove {count.format(usernames.length)} {usernames.length === 1 ? 'member' : 'members'}
            </Button>
          </>
        )}
        {snapshot !== null && operation !== null && (
          <OperationActions
            operation={operation}
            snapshot={snapshot}
            running={running}
            onUndo={
              isUndo ? undefined : (removed) => run(addMembersOperation(api, queryClient, threadId, removed))
            }
            onRetryFailed={retryFailed}
            onClose={onClose}
          />
        )}
      </DialogActions>
    </Dialog>
  );
}
