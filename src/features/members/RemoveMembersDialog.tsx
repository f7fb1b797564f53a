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
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useApi } from '../../api/api-context.tsx';
import { addThreadMembers, removeThreadMembers } from '../../api/thread-member-changes.ts';
import { BulkOperation } from '../../lib/bulk/bulk-operation.ts';
import { parseUsernames } from '../../lib/username-list.ts';
import { BulkProgress } from './BulkProgress.tsx';
import { BulkResults, resultRows } from './BulkResults.tsx';
import { resultsFileName } from './results-export.ts';
import { ResultsExport } from './ResultsExport.tsx';
import { hideRemovedMembers, showAddedMembers } from './member-cache.ts';
import { UndoCountdown } from './UndoCountdown.tsx';
import { useBulkOperation } from './use-bulk-operation.ts';
import { UsernameListInput } from './UsernameListInput.tsx';

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
  /** Called with the members that left the thread, e.g. to clear them from the selection. */
  onRemoved: (usernames: readonly string[]) => void;
  onClose: () => void;
}

const settledAs =
  (status: string) => (event: { results: readonly { username: string; outcome: { status: string } }[] }) =>
    event.results.filter((result) => result.outcome.status === status).map((result) => result.username);

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
    const removal = new BulkOperation({
      kind: 'remove',
      usernames,
      call: (batch) => removeThreadMembers(api, threadId, batch),
      // A name missing from a fully loaded list was not a member; one beyond the loaded pages may have been.
      wasMember: (name) => loaded.has(name) || !allLoaded,
    });
    removal.onBatchSettled((event) => {
      const gone = [...settledAs('removed')(event), ...settledAs('not-a-member')(event)];
      hideRemovedMembers(queryClient, threadId, gone);
      onRemoved(gone);
    });
    run(removal);
  }

  function undo(removed: string[]) {
    const addBack = new BulkOperation({
      kind: 'add',
      usernames: removed,
      call: (batch) => addThreadMembers(api, threadId, batch),
    });
    addBack.onBatchSettled((event) => showAddedMembers(queryClient, threadId, settledAs('added')(event)));
    run(addBack);
  }

  const removedUsers =
    snapshot && !isUndo
      ? [...snapshot.outcomes].filter(([, outcome]) => outcome.status === 'removed').map(([name]) => name)
      : [];

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
          <Stack spacing={2} sx={{ pt: 1 }}>
            <BulkProgress snapshot={snapshot} />
            <Typography>
              {isUndo
                ? `Added back ${count.format(snapshot.counts.added)}`
                : `Removed ${count.format(snapshot.counts.removed)} · not members ${count.format(snapshot.counts['not-a-member'])}`}{' '}
              · failed {count.format(snapshot.counts.failed)} · not sent{' '}
              {count.format(snapshot.counts['not-sent'])}
            </Typography>
            <BulkResults rows={resultRows(snapshot, [])} />
            {!running && (
              <ResultsExport
                rows={resultRows(snapshot, [])}
                fileName={() =>
                  resultsFileName(isUndo ? 'undo-remove' : 'remove-members', threadId, new Date())
                }
              />
            )}
          </Stack>
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
        {running && (
          <Button onClick={() => operation?.cancel()} disabled={snapshot?.state === 'cancelling'}>
            Cancel operation
          </Button>
        )}
        {snapshot !== null && !running && (
          <>
            {!isUndo && removedUsers.length > 0 && (
              <UndoCountdown
                key={snapshot.run}
                label={`Undo: add back ${count.format(removedUsers.length)}`}
                onUndo={() => undo(removedUsers)}
              />
            )}
            {snapshot.counts.failed > 0 && (
              <Button onClick={retryFailed}>Retry failed ({count.format(snapshot.counts.failed)})</Button>
            )}
            <Button variant="contained" onClick={onClose}>
              Close
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
