// Add members from a pasted list or a .csv/.txt file: live validation, then one bulk operation with a result
// for every user.
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useApi } from '../../api/api-context.tsx';
import { parseUsernames, type ParsedUsernames } from '../../lib/username-list.ts';
import { addMembersOperation, removeMembersOperation } from './member-changes.ts';
import { OperationActions, OperationPanel } from './OperationPanel.tsx';
import { useBulkOperation } from './use-bulk-operation.ts';
import { UsernameListInput } from './UsernameListInput.tsx';

const count = new Intl.NumberFormat();

export interface AddMembersDialogProps {
  threadId: string;
  threadName: string;
  /** Members already loaded in the list, to say who is a member already. */
  loadedMembers: readonly string[];
  onClose: () => void;
}

export function AddMembersDialog({ threadId, threadName, loadedMembers, onClose }: AddMembersDialogProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [invalidAtStart, setInvalidAtStart] = useState<ParsedUsernames['invalid']>([]);
  const { operation, snapshot, running, run, retryFailed } = useBulkOperation(threadId);

  const parsed = useMemo(() => parseUsernames(text), [text]);
  const loaded = useMemo(() => new Set(loadedMembers), [loadedMembers]);
  const alreadyMembers = parsed.valid.filter((name) => loaded.has(name));
  const toAdd = parsed.valid.filter((name) => !loaded.has(name));

  function start() {
    setInvalidAtStart(parsed.invalid);
    run(addMembersOperation(api, queryClient, threadId, toAdd));
  }

  return (
    <Dialog
      open
      onClose={running ? undefined : onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="add-members-title"
    >
      <DialogTitle id="add-members-title">
        {operation?.kind === 'remove'
          ? `Undo: removing the added members from ${threadName}`
          : `Add members to ${threadName}`}
      </DialogTitle>
      <DialogContent>
        {snapshot === null ? (
          <Stack spacing={2} sx={{ pt: 1 }}>
            <UsernameListInput
              text={text}
              onTextChange={setText}
              parsed={parsed}
              summaryEnd={` · ${count.format(alreadyMembers.length)} already members`}
            />
          </Stack>
        ) : (
          <OperationPanel
            snapshot={snapshot}
            running={running}
            invalid={operation?.kind === 'add' ? invalidAtStart : []}
            threadId={threadId}
          />
        )}
      </DialogContent>
      <DialogActions>
        {snapshot === null && (
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="contained" disabled={toAdd.length === 0} onClick={start}>
              Add {count.format(toAdd.length)} {toAdd.length === 1 ? 'member' : 'members'}
            </Button>
          </>
        )}
        {snapshot !== null && operation !== null && (
          <OperationActions
            operation={operation}
            snapshot={snapshot}
            running={running}
            onUndo={
              operation.kind === 'add'
                ? (added) => run(removeMembersOperation(api, queryClient, threadId, added))
                : undefined
            }
            onRetryFailed={retryFailed}
            onClose={onClose}
          />
        )}
      </DialogActions>
    </Dialog>
  );
}
