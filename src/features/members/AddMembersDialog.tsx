// Add members from a pasted list or a .csv/.txt file: live validation, then one bulk operation with a result
// for every user.
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useApi } from '../../api/api-context.tsx';
import { addThreadMembers } from '../../api/thread-member-changes.ts';
import { BulkOperation } from '../../lib/bulk/bulk-operation.ts';
import { parseUsernames } from '../../lib/username-list.ts';
import { BulkProgress } from './BulkProgress.tsx';
import { BulkResults, resultRows } from './BulkResults.tsx';
import { showAddedMembers } from './member-cache.ts';
import { ResultsExport } from './ResultsExport.tsx';
import { resultsFileName } from './results-export.ts';
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
  const [invalidAtStart, setInvalidAtStart] = useState<ReturnType<typeof parseUsernames>['invalid']>([]);
  const { operation, snapshot, running, run, retryFailed } = useBulkOperation(threadId);

  const parsed = useMemo(() => parseUsernames(text), [text]);
  const loaded = useMemo(() => new Set(loadedMembers), [loadedMembers]);
  const alreadyMembers = parsed.valid.filter((name) => loaded.has(name));
  const toAdd = parsed.valid.filter((name) => !loaded.has(name));
  const rows = useMemo(
    () => (snapshot ? resultRows(snapshot, invalidAtStart) : []),
    [snapshot, invalidAtStart],
  );

  function start() {
    const added = new BulkOperation({
      kind: 'add',
      usernames: toAdd,
      call: (batch) => addThreadMembers(api, threadId, batch),
    });
    added.onBatchSettled((event) => {
      const names = event.results
        .filter((result) => result.outcome.status === 'added')
        .map((r) => r.username);
      showAddedMembers(queryClient, threadId, names);
    });
    setInvalidAtStart(parsed.invalid);
    run(added);
  }

  return (
    <Dialog
      open
      onClose={running ? undefined : onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="add-members-title"
    >
      <DialogTitle id="add-members-title">Add members to {threadName}</DialogTitle>
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
          <Stack spacing={2} sx={{ pt: 1 }}>
            <BulkProgress snapshot={snapshot} />
            <Typography>
              Added {count.format(snapshot.counts.added)} · refused {count.format(snapshot.counts.refused)} ·
              failed {count.format(snapshot.counts.failed)} · not sent{' '}
              {count.format(snapshot.counts['not-sent'])} · invalid {count.format(invalidAtStart.length)}
            </Typography>
            <BulkResults rows={rows} />
            {!running && (
              <ResultsExport
                rows={rows}
                fileName={() => resultsFileName('add-members', threadId, new Date())}
              />
            )}
          </Stack>
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
        {running && (
          <Button onClick={() => operation?.cancel()} disabled={snapshot?.state === 'cancelling'}>
            Cancel operation
          </Button>
        )}
        {snapshot !== null && !running && (
          <>
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
