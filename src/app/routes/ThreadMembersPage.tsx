// /threads/:threadId — a thread's details and its members; page size and filter live in the URL.
import { Alert, AlertTitle, Box, Button } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { useApi } from '../../api/api-context.tsx';
import { AfterFirstPaint } from '../../components/AfterFirstPaint.tsx';
import { PageFrame } from '../../components/PageFrame.tsx';
import { isThreadNotFound } from '../../components/error-message.ts';
import { MemberList } from '../../features/members/MemberList.tsx';
import { densityFromParam } from '../../features/members/member-density.ts';
import {
  DEFAULT_PAGE_SIZE,
  isPageSizeParam,
  MAX_PAGE_SIZE,
  pageSizeFromParam,
} from '../../lib/members-page-address.ts';
import { isThreadId, CHAT_ID_MAX_LENGTH } from '../../lib/chat-ids.ts';
import { useMayChangeMembers } from '../../features/session/session-queries.ts';
import { ThreadHeader } from '../../features/threads/ThreadHeader.tsx';
import { threadDetailsQuery } from '../../features/threads/thread-queries.ts';

// On demand, so that the page's first bundle stays within its budget (see on-demand.ts).
const MembershipCheck = lazy(async () => ({ default: (await import('./on-demand.ts')).MembershipCheck }));

const crumbs = [{ label: 'Threads', to: '/threads' }];
// Its size before anything is asked: the field and its button, and, a spacing below, the empty status line.
const membershipCheckPlace = <Box sx={{ width: 360, height: 48 }} />;
const backToThreads = (
  <Button component={RouterLink} to="/threads" color="inherit" size="small">
    Back to threads
  </Button>
);

function ThreadNotFound({ threadId }: { threadId: string }) {
  return (
    <Alert severity="warning" action={backToThreads}>
      <AlertTitle>This thread does not exist</AlertTitle>
      No thread with ID {threadId} exists in this app. It may have been deleted, or the ID may be mistyped.
      {/* The search box reads digits as a thread ID, but a username may be all digits too. */} Looking for
      the user named {threadId}? <RouterLink to={`/users/${threadId}`}>Open their threads</RouterLink>.
    </Alert>
  );
}

/** As much of a mistyped id as is worth showing: enough to recognise it, never enough to push the page wide. */
const SHOWN_ID_LENGTH = 40;

/** An address whose id could not be a thread's: nothing is asked of the Chat API, and no action is offered. */
function NotAThreadId({ text }: { text: string }) {
  const shown = text.length > SHOWN_ID_LENGTH ? `${text.slice(0, SHOWN_ID_LENGTH)}…` : text;
  return (
    <PageFrame title="Not a thread ID" crumbs={crumbs}>
      <Alert severity="warning" action={backToThreads}>
        <AlertTitle>The address does not hold a thread ID</AlertTitle>
        <Box component="span" sx={{ overflowWrap: 'anywhere' }}>
          “{shown}”{text.length > SHOWN_ID_LENGTH ? ` (${text.length} characters)` : ''} is not a thread ID: a
          thread ID is digits only, at most {CHAT_ID_MAX_LENGTH}, e.g. 180000000100002. Check the link, or
          open the thread from the list of threads.
        </Box>
      </Alert>
    </PageFrame>
  );
}

const withoutLimit = (current: URLSearchParams) => {
  const next = new URLSearchParams(current);
  next.delete('limit');
  return next;
};

export function ThreadMembersPage() {
  const threadId = useParams().threadId ?? '';
  return isThreadId(threadId) ? <ThreadMembers threadId={threadId} /> : <NotAThreadId text={threadId} />;
}

function ThreadMembers({ threadId }: { threadId: string }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const limit = searchParams.get('limit');
  const pageSize = pageSizeFromParam(limit);
  // A page size the page cannot use is taken out of the address, which then says what is shown, and why.
  const [correctedLimit, setCorrectedLimit] = useState<string | null>(null);
  const unusableLimit = limit !== null && !isPageSizeParam(limit);
  if (unusableLimit && correctedLimit !== limit) setCorrectedLimit(limit);
  useEffect(() => {
    if (unusableLimit) setSearchParams(withoutLimit, { replace: true });
  }, [unusableLimit, setSearchParams]);
  const filter = searchParams.get('q') ?? '';
  const details = useQuery(threadDetailsQuery(useApi(), threadId));
  const mayChange = useMayChangeMembers();

  function updateSearch(name: 'limit' | 'q' | 'rows', value: string | null) {
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null || value === '') next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  }

  const notFound = <ThreadNotFound threadId={threadId} />;
  if (isThreadNotFound(details.error)) {
    return (
      <PageFrame title={`Thread ${threadId}`} crumbs={crumbs}>
        {notFound}
      </PageFrame>
    );
  }

  return (
    <PageFrame
      title={details.data?.name ?? `Thread ${threadId}`}
      crumbs={crumbs}
      dense
      aside={<ThreadHeader threadId={threadId} />}
    >
      {correctedLimit !== null && (
        <Alert severity="info" role="status" onClose={() => setCorrectedLimit(null)}>
          The page size in the address (“{correctedLimit}”) is not a whole number from 1 to {MAX_PAGE_SIZE};
          the address now shows {DEFAULT_PAGE_SIZE} members a page.
        </Alert>
      )}
      {!mayChange && (
        <Alert severity="info">
          You are signed in as a viewer: you can browse and export members, but not add or remove them.
        </Alert>
      )}
      <MemberList
        key={threadId}
        threadId={threadId}
        pageSize={pageSize}
        filter={filter}
        onFilterChange={(value) => updateSearch('q', value)}
        onPageSizeChange={(size) => updateSearch('limit', size === DEFAULT_PAGE_SIZE ? null : String(size))}
        density={densityFromParam(searchParams.get('rows'))}
        onDensityChange={(density) => updateSearch('rows', density === 'compact' ? density : null)}
        totalMembers={details.data?.memberCount}
        owner={details.data?.owner}
        threadName={details.data?.name ?? `thread ${threadId}`}
        notFound={notFound}
        mayChange={mayChange}
        tools={
          // Its size held while it loads, so the member list does not move when it arrives.
          <AfterFirstPaint placeholder={membershipCheckPlace}>
            <Suspense fallback={membershipCheckPlace}>
              <MembershipCheck
                key={threadId}
                threadId={threadId}
                threadName={details.data?.name ?? `thread ${threadId}`}
                groupId={details.data?.groupId ?? null}
                mayChange={mayChange}
              />
            </Suspense>
          </AfterFirstPaint>
        }
      />
    </PageFrame>
  );
}
