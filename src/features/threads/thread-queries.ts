import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { useApi } from '../../api/api-context.tsx';
import { fetchThreadDetails } from '../../api/thread-details.ts';
import { fetchThreadPage, type ThreadSort } from '../../api/threads.ts';

const THREAD_PAGE_SIZE = 50;

export function threadDetailsQuery(api: ReturnType<typeof useApi>, threadId: string) {
  return queryOptions({
    queryKey: ['threads', threadId, 'details'],
    queryFn: ({ signal }) => fetchThreadDetails(api, threadId, signal),
    staleTime: 60_000,
  });
}

export function threadListQuery(api: ReturnType<typeof useApi>, sort: ThreadSort) {
  return infiniteQueryOptions({
    queryKey: ['threads', 'list', { sort }],
    queryFn: ({ pageParam, signal }) =>
      fetchThreadPage(api, { limit: THREAD_PAGE_SIZE, cursor: pageParam, sort }, signal),
    initialPageParam: '',
    getNextPageParam: (lastPage) =>
      lastPage.threadIds.length < THREAD_PAGE_SIZE || lastPage.cursor === null ? undefined : lastPage.cursor,
    staleTime: 60_000,
  });
}
