import { infiniteQueryOptions } from '@tanstack/react-query';
import type { useApi } from '../../api/api-context.tsx';
import type { ThreadSort } from '../../api/threads.ts';
import {
  fetchJoinedThreadPage,
  JOINED_THREAD_PAGE_SIZE,
  joinedThreadsCursorAfter,
  userThreadsKey,
} from '../../api/user-threads.ts';

export function userThreadsQuery(
  api: ReturnType<typeof useApi>,
  username: string,
  groupId: string | null,
  sort: ThreadSort,
) {
  return infiniteQueryOptions({
    queryKey: [...userThreadsKey(username), { groupId, sort }],
    queryFn: ({ pageParam, signal }) =>
      fetchJoinedThreadPage(
        api,
        { username, groupId, limit: JOINED_THREAD_PAGE_SIZE, cursor: pageParam, sort },
        signal,
      ),
    initialPageParam: '',
    getNextPageParam: joinedThreadsCursorAfter,
    staleTime: 60_000,
  });
}
