// "Is alice a member?": answers for one user from the user's threads, and offers Add or Remove accordingly.
// Loaded on demand: the members page's first bundle is at its budget.
import { Alert, Button, Link, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode, type SubmitEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { useApi } from '../../api/api-context.tsx';
import { ApiError } from '../../api/api-error.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { normalizeUsername, usernameProblem } from '../../lib/username.ts';
import { PROBLEM_TEXT } from '../../lib/username-list.ts';
import { MOST_THREADS_CHECKED, membershipQuery } from './membership-query.ts';
import { StartFailure } from './StartFailure.tsx';
import { useStartOperation } from './use-start-operation.ts';

export interface MembershipCheckProps {
  threadId: string;
  threadName: string;
  /** The thread's group when its details are known: the check then reads only that group's threads. */
  groupId: string | null;
  /** Whether to offer Add or Remove with the answer: not to a viewer. */
  mayChange: boolean;
}

const count = new Intl.NumberFormat();

/** How the confirmation of each one-click change reads. */
const CONFIRM = {
  add: { verb: 'Add', joint: 'to', done: 'added to', severity: 'info' },
  remove: { verb: 'Remove', joint: 'from', done: 'removed from', severity: 'warning' },
} as const;

export function MembershipCheck({ threadId, threadName, groupId, mayChange }: MembershipCheckProps) {
  const api = useApi();
  const start = useStartOperation();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [asked, setAsked] = useState<string | null>(null);
  // Every change from this panel is confirmed first, like the page's other adds and removals.
  const [confirming, setConfirming] = useState<'add' | 'remove' | null>(null);
  const query = membershipQuery(api, { username: asked ?? '', threadId, groupId });
  const answer = useQuery({ ...query, enabled: asked !== null });

  function check(event: SubmitEvent) {
    event.preventDefault();
    const entry = text.trim();
    const wrong = usernameProblem(entry);
    if (wrong) {
      setProblem(`“${entry}” is not a username: ${PROBLEM_TEXT[wrong]}. Enter one username, e.g. alice.`);
      return;
    }
    setProblem(null);
    const username = normalizeUsername(entry);
    if (username === asked) void answer.refetch();
    else setAsked(username);
  }

  // The answer goes into one status region that stays mounted, so that screen readers announce each change.
  let said: ReactNode = null;
  let offer: ReactNode = null;
  let failure: ReactNode = null;
  if (asked !== null) {
    if (answer.isFetching) {
      said = `Checking whether ${asked} is a member…`;
    } else if (answer.error instanceof ApiError && answer.error.status === 404) {
      said = (
        <Alert severity="warning">
          No user named {asked} exists in this app{groupId ? ` or its group ${groupId}` : ''}. Check the
          spelling.
        </Alert>
      );
    } else if (answer.error) {
      failure = (
        <ErrorNotice
          error={answer.error}
          what={`whether ${asked} is a member`}
          onRetry={() => void answer.refetch()}
        />
      );
    } else if (answer.data === true) {
      said = `${asked} is a member of this thread.`;
      offer = mayChange && (
        <Button color="error" onClick={() => setConfirming('remove')}>
          Remove {asked}
        </Button>
      );
    } else if (answer.data === false) {
      said = `${asked} is not a member of this thread.`;
      offer = mayChange && (
        <Button disabled={start.isPending} onClick={() => setConfirming('add')}>
          Add {asked}
        </Button>
      );
    } else if (answer.data === 'outside-group') {
      said = (
        <Alert severity="info">
          {asked} is not a member of this thread, nor of its group {groupId}. The Chat API adds only the
          group&apos;s members to its threads: add {asked} to the group first.
        </Alert>
      );
    } else if (answer.data === 'undecided') {
      said = (
        <>
          {asked} has joined more than {count.format(MOST_THREADS_CHECKED)} threads
          {groupId ? ` in group ${groupId}` : ''}, and this thread is not among the newest{' '}
          {count.format(MOST_THREADS_CHECKED)}: the check stops there to spare the app&apos;s rate limit.{' '}
          <Link component={RouterLink} to={`/users/${asked}${groupId ? `?group=${groupId}` : ''}`}>
            Open their threads
          </Link>{' '}
          to look further.
        </>
      );
    }
  }

  return (
    <Stack spacing={1}>
      <Stack
        component="form"
        direction="row"
        spacing={1}
        onSubmit={check}
        aria-label="Is this user a member?"
        noValidate
        sx={{ alignItems: 'flex-start' }}
      >
        <TextInput
          label="Is this user a member?"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
          error={problem !== null}
          helperText={problem ?? undefined}
          autoComplete="off"
          sx={{ width: 280 }}
        />
        <Button type="submit" variant="outlined">
          Check
        </Button>
      </Stack>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography component="div" role="status">
          {said}
        </Typography>
        {offer}
      </Stack>
      {failure}
      {confirming !== null && asked !== null && (
        <ConfirmDialog
          title={`${CONFIRM[confirming].verb} ${asked} ${CONFIRM[confirming].joint} ${threadName}`}
          action={`${CONFIRM[confirming].verb} ${asked}`}
          destructive={confirming === 'remove'}
          disabled={confirming === 'add' && start.isPending}
          onConfirm={() => {
            setConfirming(null);
            start.mutate({ kind: confirming, threadId, usernames: [asked] });
          }}
          onClose={() => setConfirming(null)}
        >
          <Alert severity={CONFIRM[confirming].severity}>
            <strong>{asked}</strong> will be {CONFIRM[confirming].done} <strong>{threadName}</strong>.
          </Alert>
        </ConfirmDialog>
      )}
      <StartFailure error={start.error} />
    </Stack>
  );
}
