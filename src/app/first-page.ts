// The queries a page's first screen needs, started before React renders: the server awaits them all and embeds
// the answers in the page; the browser, on a page the server did not render, waits a few milliseconds for them
// (the server's preload hints have usually brought them by then), which saves a whole render pass.
import type { QueryClient } from '@tanstack/react-query';
import type { useApi } from '../api/api-context.tsx';
import { MEMBERS_PAGE_PATH, pageSizeFromParam } from '../lib/members-page-address.ts';
import { threadMembersQuery } from '../features/members/member-queries.ts';
import { sessionQuery } from '../features/session/session-queries.ts';
import { threadDetailsQuery, threadListQuery } from '../features/threads/thread-queries.ts';

const LONGEST_WAIT_MS = 40;
const THREADS_PAGE_PATH = /^\/threads\/?$/;

/** Loads the first screen's queries into the cache; a failure stays there as the query's error. */
export async function loadFirstScreenQueries(
  queryClient: QueryClient,
  api: ReturnType<typeof useApi>,
  { pathname, search }: { pathname: string; search: string },
): Promise<void> {
  const params = new URLSearchParams(search);
  // The page shows the failure; nothing to handle here.
  const ignore = () => undefined;
  const loads = [queryClient.query(sessionQuery(api)).catch(ignore)];
  const threadId = MEMBERS_PAGE_PATH.exec(pathname)?.[1];
  if (threadId !== undefined) {
    const pageSize = pageSizeFromParam(params.get('limit'));
    loads.push(
      queryClient
        .infiniteQuery(threadMembersQuery(api, queryClient, threadId, pageSize))
        .then(ignore, ignore),
      queryClient.query(threadDetailsQuery(api, threadId)).then(ignore, ignore),
    );
  } else if (THREADS_PAGE_PATH.test(pathname)) {
    const sort = params.get('sort') === 'asc' ? 'asc' : 'desc';
    loads.push(queryClient.infiniteQuery(threadListQuery(api, sort)).then(ignore, ignore));
  } else {
    return;
  }
  await Promise.all(loads);
}

export async function prefetchFirstPage(
  queryClient: QueryClient,
  api: ReturnType<typeof useApi>,
  location: Location,
): Promise<void> {
  if (!MEMBERS_PAGE_PATH.test(location.pathname)) return;
  await Promise.race([
    loadFirstScreenQueries(queryClient, api, location),
    new Promise((resolve) => setTimeout(resolve, LONGEST_WAIT_MS)),
  ]);
}
