// Keeps the loaded member list true after a bulk change without refetching its pages.
import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type { MemberPage } from '../../api/thread-members.ts';
import { cursorAfter } from './member-pages.ts';

type MemberList = InfiniteData<MemberPage, string>;

function pageSizeOf(key: QueryKey): number | undefined {
  const options = key[3];
  return typeof options === 'object' && options !== null && 'pageSize' in options
    ? Number(options.pageSize)
    : undefined;
}

/**
 * The API lists new members last, in join order. A list already scrolled to its end gets them as a final
 * page of their own that carries no cursor, so nothing is fetched twice; a list not yet at its end shows
 * them when it gets there.
 */
export function showAddedMembers(queryClient: QueryClient, threadId: string, added: readonly string[]): void {
  if (added.length === 0) return;
  for (const [key, list] of queryClient.getQueriesData<MemberList>({
    queryKey: ['threads', threadId, 'members'],
  })) {
    const last = list?.pages.at(-1);
    const pageSize = pageSizeOf(key);
    if (!list || !last || pageSize === undefined || cursorAfter(last, pageSize) !== undefined) continue;
    const known = new Set(list.pages.flatMap((page) => page.members));
    const fresh = added.filter((name) => !known.has(name));
    if (fresh.length === 0) continue;
    queryClient.setQueryData<MemberList>(key, {
      pages: [...list.pages, { members: fresh, fetchedCount: fresh.length, cursor: null }],
      pageParams: [...list.pageParams, list.pageParams.at(-1) ?? ''],
    });
  }
}

/** Removed members leave every loaded list of the thread; page boundaries and cursors stay as fetched. */
export function hideRemovedMembers(
  queryClient: QueryClient,
  threadId: string,
  removed: readonly string[],
): void {
  if (removed.length === 0) return;
  const gone = new Set(removed);
  queryClient.setQueriesData<MemberList>({ queryKey: ['threads', threadId, 'members'] }, (list) =>
    list
      ? {
          ...list,
          pages: list.pages.map((page) => ({
            ...page,
            members: page.members.filter((name) => !gone.has(name)),
          })),
        }
      : list,
  );
}

/** After a change: the thread's other queries (its details, with the member count) fetch again, once. */
export function refreshThreadSummary(queryClient: QueryClient, threadId: string): Promise<void> {
  return queryClient.invalidateQueries({
    queryKey: ['threads', threadId],
    predicate: (query) => query.queryKey[2] !== 'members',
  });
}
