import { infiniteQueryOptions } from '@tanstack/react-query';
import type { useApi } from '../../api/api-context.tsx';
import { fetchMemberPage } from '../../api/thread-members.ts';
import { cursorAfter } from './member-pages.ts';

export function threadMembersQuery(api: ReturnType<typeof useApi>, threadId: string, pageSize: number) {
  return infiniteQueryOptions({
    queryKey: ['threads', threadId, 'members', { pageSize }],
    queryFn: ({ pageParam, signal }) =>
      fetchMemberPage(api, { threadId, limit: pageSize, cursor: pageParam }, signal),
    initialPageParam: '',
    getNextPageParam: (lastPage) => cursorAfter(lastPage, pageSize),
    // Refetching an infinite list walks every loaded page again: after 10,000 members that is 200 calls.
    // Changes made through the dashboard update the cache directly; moderators refresh on demand.
    staleTime: Infinity,
  });
}
