import { infiniteQueryOptions, type QueryClient } from '@tanstack/react-query';
import type { useApi } from '../../api/api-context.tsx';
import { fetchMemberPage } from '../../api/thread-members.ts';
import { memberChangesOf } from './member-changes.ts';
import { nextPageParam, type LoadedMemberPage } from './member-view.ts';

export function threadMembersQuery(
  api: ReturnType<typeof useApi>,
  queryClient: QueryClient,
  threadId: string,
  pageSize: number,
) {
  return infiniteQueryOptions({
    queryKey: ['threads', threadId, 'members', { pageSize }],
    queryFn: async ({ pageParam, signal }): Promise<LoadedMemberPage> => {
      const changesSeen = memberChangesOf(queryClient, threadId).seq;
      const page = await fetchMemberPage(api, { threadId, limit: pageSize, cursor: pageParam }, signal);
      return { ...page, changesSeen };
    },
    initialPageParam: '',
    getNextPageParam: (_last, pages, _lastParam, pageParams) =>
      nextPageParam(pages, pageParams, memberChangesOf(queryClient, threadId), pageSize),
    // Refetching an infinite list walks every loaded page again: after 10,000 members that is 200 calls.
    // Changes made through the dashboard reach the list as operation events; moderators refresh on demand.
    staleTime: Infinity,
  });
}
