// Add members from a pasted list or a .csv/.txt file: live validation, then one bulk operation whose progress
// and per-user results show under Operations.
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useApi } from '../../api/api-context.tsx';
import { parseUsernames } from '../../lib/username-list.ts';
import { addMembersOperation, launch } from './member-changes.ts';
import { UsernameListInput } from './UsernameListInput.tsx';
import { quantity } from '../../lib/quantity.ts';

const count = new Intl.NumberFormat();

export interface AddMembersDialogProps {
  threadId: string;
  threadName: string;
  /** Members already loaded in the list, to say who is a member already. */
  loadedMembers: readonly string[];
  /** Whether the loaded members are the whole thread, so that everyone not among them is new. */
  allLoaded: boolean;
  /** The operation is listed and running; its id shows it. */
  onStarted: (operationId: number) => void;
  onClose: () => void;
}

export function AddMembersDialog({
  threadId,
  threadName,
  loadedMembers,
  allLoaded,
  onStarted,
  onClose,
}: AddMembersDialogProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const parsed = useMemo(() => parseUsernames(text), [text]);
  const loaded = useMemo(() => new Set(loadedMembers), [loadedMembers]);
  const alreadyMembers = parsed.valid.filter((name) => loaded.has(name));
  const toAdd = parsed.valid.filter((name) => !loaded.has(name));

  function start() {
    const entry = launch(queryClient, {
      label: `Add members to ${threadName}`,
      threadId,
      threadName,
      operation: addMembersOperation(api, queryClient, threadId, toAdd),
      invalid: parsed.invalid,
      isUndo: false,
      // The API answers "added" for a member already there, so only a fully loaded list tells who was new.
      ...(allLoaded
        ? {}
        : {
            undoCaveat:
              'Some of them may have been members before: the member list was not fully loaded when this started, and Undo would remove them too.',
          }),
    });
    onStarted(entry.id);
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="add-members-title">
      <DialogTitle id="add-members-title">Add members to {threadName}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <UsernameListInput
            text={text}
            onTextChange={setText}
            parsed={parsed}
            summaryEnd={` · ${count.format(alreadyMembers.length)} already members`}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={toAdd.length === 0} onClick={start}>
          Add {quantity(toAdd.length, 'member', 'members')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
