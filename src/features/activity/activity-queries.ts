import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { useApi } from '../../api/api-context.tsx';
import { fetchActivityPage, fetchActivityUsers, type ActivityFilter } from '../../api/activity.ts';

type Api = ReturnType<typeof useApi>;

/** Every filtered list of the activity: what an ended operation makes stale. */
export const activityListsKey = ['activity', 'list'] as const;

export function activityListQuery(api: Api, filter: ActivityFilter) {
  return infiniteQueryOptions({
    queryKey: [...activityListsKey, filter],
    queryFn: ({ pageParam, signal }) => fetchActivityPage(api, filter, pageParam, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // The log grows while moderators work; coming back to the page shows what happened meanwhile.
    staleTime: 0,
  });
}

export function activityUsersQuery(api: Api, entryId: number, endedAt: number) {
  return queryOptions({
    // A running operation's entry grows: its last call's time keeps the cached users in step.
    queryKey: ['activity', 'entry', entryId, endedAt],
    queryFn: ({ signal }) => fetchActivityUsers(api, entryId, signal),
    staleTime: Infinity,
  });
}
