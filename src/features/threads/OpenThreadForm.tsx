// Open a thread by the id a support ticket gives; says so when no such thread exists. Entered before the page's
// script took over, the id comes back in the address (the browser submits the form itself) and is opened then.
import { Alert, Button, Stack } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../api/api-context.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { ApiError } from '../../api/api-error.ts';
import { errorMessage, isThreadNotFound } from '../../components/error-message.ts';
import { CHAT_ID_MAX_LENGTH, isThreadId } from '../../lib/chat-ids.ts';
import { threadDetailsQuery } from './thread-queries.ts';

const THREAD_ID_FIELD = 'threadId';

export function OpenThreadForm() {
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const [submitted] = useState(() => searchParams.get(THREAD_ID_FIELD));
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    // Read from the form, not kept in state: what was typed before a server-rendered page came alive counts too.
    const entered = new FormData(event.currentTarget).get(THREAD_ID_FIELD);
    void open(typeof entered === 'string' ? entered : '');
  }

  async function open(entered: string, { replace = false } = {}) {
    const id = entered.trim();
    if (!isThreadId(id)) {
      setProblem(
        `${id === '' ? 'Enter a thread ID' : `“${id}” is not a thread ID`}: a thread ID is digits only (at most ${CHAT_ID_MAX_LENGTH}), the number shown for the thread in the Chat console, e.g. 180000000100002.`,
      );
      return;
    }
    setChecking(true);
    setProblem(null);
    try {
      await queryClient.query(threadDetailsQuery(api, id));
      await navigate(`/threads/${encodeURIComponent(id)}`, { replace });
    } catch (error) {
      if (isThreadNotFound(error)) {
        setProblem(`No thread with ID ${id} exists in this app. Check the ID and try again.`);
      } else if (error instanceof ApiError && error.status === 404) {
        // The host does not serve thread details; the members page finds out whether the thread exists.
        await navigate(`/threads/${encodeURIComponent(id)}`, { replace });
      } else {
        setProblem(errorMessage(error, 'the thread').detail);
      }
    } finally {
      setChecking(false);
    }
  }

  // Once, for the entry the address brought (a development build runs each effect twice).
  const openedSubmitted = useRef(false);
  useEffect(() => {
    if (submitted === null || openedSubmitted.current) return;
    openedSubmitted.current = true;
    setSearchParams({}, { replace: true });
    void open(submitted, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Stack component="form" spacing={1} onSubmit={submit} aria-label="Open a thread" noValidate>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <TextInput
          label="Thread ID"
          inputMode="numeric"
          name={THREAD_ID_FIELD}
          defaultValue={submitted ?? undefined}
          error={problem !== null}
          autoComplete="off"
          sx={{ width: 280 }}
        />
        <Button type="submit" variant="contained" disabled={checking}>
          Open thread
        </Button>
      </Stack>
      {problem && (
        <Alert severity="warning" role="alert">
          {problem}
        </Alert>
      )}
    </Stack>
  );
}
