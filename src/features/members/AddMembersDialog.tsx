// Add members from a pasted list or a .csv/.txt file: live validation, then one bulk operation that the server
// runs; its progress and per-user results show under Operations.
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useMemo, useState } from 'react';
import { quantity } from '../../lib/quantity.ts';
import { StartFailure } from './StartFailure.tsx';
import { UsernameListInput } from './UsernameListInput.tsx';
import { useParsedUsernames } from './use-parsed-usernames.ts';
import { useStartOperation } from './use-start-operation.ts';

export interface AddMembersDialogProps {
  threadId: string;
  threadName: string;
  /** Members already loaded in the list, to say who is a member already. */
  loadedMembers: readonly string[];
  onClose: () => void;
}

export function AddMembersDialog({ threadId, threadName, loadedMembers, onClose }: AddMembersDialogProps) {
  const start = useStartOperation(onClose);
  const [text, setText] = useState('');
  const { parsed, counting } = useParsedUsernames(text);
  const loaded = useMemo(() => new Set(loadedMembers), [loadedMembers]);
  const alreadyMembers = parsed.valid.filter((name) => loaded.has(name));
  const toAdd = parsed.valid.filter((name) => !loaded.has(name));

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="add-members-title">
      <DialogTitle id="add-members-title">Add members to {threadName}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <UsernameListInput
            text={text}
            onTextChange={setText}
            parsed={parsed}
            summaryEnd={` · ${quantity(alreadyMembers.length, 'already a member', 'already members')}`}
          />
          <StartFailure error={start.error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          disabled={counting || toAdd.length === 0 || start.isPending}
          // Members already in the list go too: the server checks everyone and reports them as members already.
          onClick={() =>
            start.mutate({ kind: 'add', threadId, usernames: parsed.valid, invalid: parsed.invalid })
          }
        >
          Add {quantity(toAdd.length, 'member', 'members')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
