import { infiniteQueryOptions } from '@tanstack/react-query';
import type { useApi } from '../../api/api-context.tsx';
import type { ThreadSort } from '../../api/threads.ts';
import { fetchJoinedThreadPage } from '../../api/user-threads.ts';

export const JOINED_THREAD_PAGE_SIZE = 50;

/** Every list of `username`'s threads, whatever the group and sort: what a change of membership makes stale. */
export const userThreadsKey = (username: string) => ['users', username, 'threads'] as const;

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
    // A short page, an empty one or a missing cursor ends the list (the API may send a cursor on the last page).
    getNextPageParam: (lastPage) =>
      lastPage.threads.length < JOINED_THREAD_PAGE_SIZE || lastPage.cursor === null
        ? undefined
        : lastPage.cursor,
    staleTime: 60_000,
  });
}
