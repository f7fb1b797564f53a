// Add members from a pasted list: live validation, then one bulk operation with a result for every user.
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
import { useMemo, useState, useSyncExternalStore } from 'react';
import { useApi } from '../../api/api-context.tsx';
import { addThreadMembers } from '../../api/thread-member-changes.ts';
import { BulkOperation } from '../../lib/bulk/bulk-operation.ts';
import type { BulkSnapshot } from '../../lib/bulk/progress.ts';
import { PROBLEM_TEXT, parseUsernames } from '../../lib/username-list.ts';
import { BulkProgress } from './BulkProgress.tsx';
import { BulkResults, resultRows } from './BulkResults.tsx';
import { refreshThreadSummary, showAddedMembers } from './member-cache.ts';

const count = new Intl.NumberFormat();
const noOperation = () => () => undefined;
const noSnapshot = () => null;

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
  const [operation, setOperation] = useState<BulkOperation | null>(null);
  const [invalidAtStart, setInvalidAtStart] = useState<ReturnType<typeof parseUsernames>['invalid']>([]);
  const snapshot: BulkSnapshot | null = useSyncExternalStore(
    operation?.subscribe ?? noOperation,
    operation?.getSnapshot ?? noSnapshot,
  );

  const parsed = useMemo(() => parseUsernames(text), [text]);
  const loaded = useMemo(() => new Set(loadedMembers), [loadedMembers]);
  const alreadyMembers = parsed.valid.filter((name) => loaded.has(name));
  const toAdd = parsed.valid.filter((name) => !loaded.has(name));
  const running = snapshot?.state === 'running' || snapshot?.state === 'cancelling';

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
    setOperation(added);
    void added.start().finally(() => refreshThreadSummary(queryClient, threadId));
  }

  function retryFailed() {
    if (!operation) return;
    void operation.retryFailed().finally(() => refreshThreadSummary(queryClient, threadId));
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
            <TextField
              label="Usernames"
              multiline
              minRows={6}
              maxRows={14}
              value={text}
              onChange={(event) => setText(event.target.value)}
              helperText="Separate names with new lines, commas, semicolons, spaces or tabs."
              autoFocus
            />
            <Typography role="status" aria-label="Parsed usernames">
              {count.format(parsed.valid.length)} valid · {count.format(parsed.invalid.length)} invalid ·{' '}
              {count.format(parsed.duplicates.length)} duplicates · {count.format(alreadyMembers.length)}{' '}
              already members
            </Typography>
            {parsed.lowerCased > 0 && (
              <Alert severity="info">
                {parsed.lowerCased === 1 ? '1 name has' : `${count.format(parsed.lowerCased)} names have`}{' '}
                capitals: usernames are not case-sensitive, so they are sent in lower case.
              </Alert>
            )}
            {parsed.invalid.length > 0 && (
              <Alert severity="warning">
                These entries are not usernames and will not be sent:{' '}
                {parsed.invalid
                  .slice(0, 20)
                  .map(({ entry, problem }) => `${entry || '(empty)'} (${PROBLEM_TEXT[problem]})`)
                  .join(', ')}
                {parsed.invalid.length > 20 ? `, and ${count.format(parsed.invalid.length - 20)} more` : ''}.
              </Alert>
            )}
          </Stack>
        ) : (
          <Stack spacing={2} sx={{ pt: 1 }}>
            <BulkProgress snapshot={snapshot} />
            <Typography>
              Added {count.format(snapshot.counts.added)} · refused {count.format(snapshot.counts.refused)} ·
              failed {count.format(snapshot.counts.failed)} · not sent{' '}
              {count.format(snapshot.counts['not-sent'])} · invalid {count.format(invalidAtStart.length)}
            </Typography>
            <BulkResults rows={resultRows(snapshot, invalidAtStart)} />
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
          <Button onClick={() => operation?.cancel()} disabled={snapshot.state === 'cancelling'}>
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
