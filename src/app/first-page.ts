// Starts the members page's first request before React renders, so the first render already has rows.
// The server sends a preload hint for exactly this request, so it is usually complete by the time the
// script runs; waiting a few milliseconds for it saves a whole render pass.
import type { QueryClient } from '@tanstack/react-query';
import type { useApi } from '../api/api-context.tsx';
import { MEMBERS_PAGE_PATH, pageSizeFromParam } from '../lib/members-page-address.ts';
import { threadMembersQuery } from '../features/members/member-queries.ts';
import { sessionQuery } from '../features/session/session-queries.ts';
import { threadDetailsQuery } from '../features/threads/thread-queries.ts';

const LONGEST_WAIT_MS = 40;

export async function prefetchFirstPage(
  queryClient: QueryClient,
  api: ReturnType<typeof useApi>,
  location: Location,
): Promise<void> {
  const threadId = MEMBERS_PAGE_PATH.exec(location.pathname)?.[1];
  if (threadId === undefined) return;
  const pageSize = pageSizeFromParam(new URLSearchParams(location.search).get('limit'));
  // A failure stays in the cache as the query's error, and the page shows it; nothing to handle here.
  const ignore = () => undefined;
  const loads = Promise.all([
    queryClient.infiniteQuery(threadMembersQuery(api, threadId, pageSize)).catch(ignore),
    queryClient.query(threadDetailsQuery(api, threadId)).catch(ignore),
    queryClient.query(sessionQuery(api)).catch(ignore),
  ]);
  await Promise.race([loads, new Promise((resolve) => setTimeout(resolve, LONGEST_WAIT_MS))]);
}
