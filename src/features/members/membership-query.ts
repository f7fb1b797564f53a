// Whether a user is a member of one thread. The API has no direct check: this walks the user's threads
// (endpoint 9 within the thread's group when it is known, else endpoint 8) until the thread turns up or the
// list ends, which for most users is one call, where the thread's own member list can be 2,000 pages.
import { queryOptions } from '@tanstack/react-query';
import type { useApi } from '../../api/api-context.tsx';
import { fetchJoinedThreadPage } from '../../api/user-threads.ts';

const PAGE_SIZE = 50;

export function membershipQuery(
  api: ReturnType<typeof useApi>,
  { username, threadId, groupId }: { username: string; threadId: string; groupId: string | null },
) {
  return queryOptions({
    // Under the user's thread lists, so that a change of this user's threads makes it stale as well.
    queryKey: ['users', username, 'threads', 'membership', { threadId, groupId }],
    queryFn: async ({ signal }) => {
      let cursor = '';
      for (;;) {
        const page = await fetchJoinedThreadPage(
          api,
          { username, groupId, limit: PAGE_SIZE, cursor, sort: 'desc' },
          signal,
        );
        if (page.threads.some((thread) => thread.id === threadId)) return true;
        if (page.threads.length < PAGE_SIZE || page.cursor === null) return false;
        cursor = page.cursor;
      }
    },
    // An answer is for the moment it is asked: asking again asks the API again.
    staleTime: 0,
  });
}
