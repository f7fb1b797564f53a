// Whether a user is a member of one thread. The API has no direct check: this walks the user's threads
// (endpoint 9 within the thread's group when it is known, else endpoint 8) until the thread turns up or the
// list ends, which for most users is one call, where the thread's own member list can be 2,000 pages. A user
// not found there is then looked up in the group (endpoint 11), since only its members can be added.
import { queryOptions } from '@tanstack/react-query';
import type { useApi } from '../../api/api-context.tsx';
import { fetchGroupMembership } from '../../api/group-membership.ts';
import {
  fetchJoinedThreadPage,
  JOINED_THREAD_PAGE_SIZE,
  joinedThreadsCursorAfter,
  userThreadsKey,
} from '../../api/user-threads.ts';
/** 1,000 threads: far more than most users join; a check must not spend the app's rate limit on one user. */
const MOST_PAGES = 20;

/** How many of the user's threads a check reads at most. */
export const MOST_THREADS_CHECKED = MOST_PAGES * JOINED_THREAD_PAGE_SIZE;

/**
 * Yes, no, not known after reading the most pages a check may read, or no and not in the thread's group
 * either (so the API would refuse to add them).
 */
export type Membership = boolean | 'undecided' | 'outside-group';

export function membershipQuery(
  api: ReturnType<typeof useApi>,
  {
    username,
    threadId,
    groupId,
    mostPages = MOST_PAGES,
  }: { username: string; threadId: string; groupId: string | null; mostPages?: number },
) {
  return queryOptions({
    // Under the user's thread lists, so that a change of this user's threads makes it stale as well.
    queryKey: [...userThreadsKey(username), 'membership', { threadId, groupId }],
    queryFn: async ({ signal }): Promise<Membership> => {
      let cursor = '';
      for (let read = 0; read < mostPages; read++) {
        const page = await fetchJoinedThreadPage(
          api,
          { username, groupId, limit: JOINED_THREAD_PAGE_SIZE, cursor, sort: 'desc' },
          signal,
        );
        if (page.threads.some((thread) => thread.id === threadId)) return true;
        const next = joinedThreadsCursorAfter(page);
        if (next === undefined) {
          if (groupId === null) return false;
          return (await fetchGroupMembership(api, { groupId, username }, signal)) ? false : 'outside-group';
        }
        cursor = next;
      }
      return 'undecided';
    },
    // An answer is for the moment it is asked: asking again asks the API again.
    staleTime: 0,
  });
}
