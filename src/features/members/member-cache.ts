// Keeps the loaded member list true after a bulk change without refetching its pages.
import type { InfiniteData, Query, QueryClient, QueryKey } from '@tanstack/react-query';
import type { OperationSummary, SettledItems } from '../../api/operations.ts';
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
  for (const query of queryClient.getQueryCache().findAll({ queryKey: ['threads', threadId, 'members'] })) {
    noteChangeDuringFetch(query, added, 'added back');
  }
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

/** Lists whose next page starts again from an earlier one: what it brings twice is dropped when it lands. */
const rewound = new WeakSet<Query>();

/**
 * Hides `gone` from the loaded pages. Some hosts' cursors are offsets into the current list, so each member
 * leaving from a loaded page would make the next page skip one: the next page then starts again as many
 * pages back as members left (rows already shown are dropped when it lands, see `withoutRepeats`).
 */
const withoutMembers =
  (gone: ReadonlySet<string>, pageSize: number | undefined, pagesBefore = 0) =>
  (list: MemberList | undefined): MemberList | undefined => {
    if (!list) return list;
    let left = 0;
    const pages = list.pages.map((page) => {
      const members = page.members.filter((name) => !gone.has(name));
      left += page.members.length - members.length;
      return { ...page, members };
    });
    const last = pages.at(-1);
    if (left === 0 || !last || pageSize === undefined || cursorAfter(last, pageSize) === undefined) {
      return { ...list, pages };
    }
    // The next cursor is a fresh one (after every loaded page) or, after an earlier rewind, a loaded page's.
    const next = list.pageParams.indexOf(last.cursor ?? '');
    const from = next === -1 ? list.pageParams.length : next;
    const back = list.pageParams[Math.max(0, from - pagesBefore - Math.ceil(left / pageSize))] ?? '';
    return { ...list, pages: [...pages.slice(0, -1), { ...last, cursor: back }] };
  };

/** Each member's first row only: a page fetched again after a rewind repeats rows already shown. */
function withoutRepeats(list: MemberList | undefined): MemberList | undefined {
  if (!list) return list;
  const seen = new Set<string>();
  return {
    ...list,
    pages: list.pages.map((page) => ({
      ...page,
      members: page.members.filter((name) => {
        if (seen.has(name)) return false;
        seen.add(name);
        return true;
      }),
    })),
  };
}

/**
 * Names removed while a page of the list was on its way. An infinite query builds its new data from the pages
 * it held when the fetch began, so its answer would bring those members back: they are hidden again when it
 * lands. A name added back meanwhile keeps only its last row, where the API lists a new member.
 */
type Change = 'removed' | 'added back';
const changedDuringFetch = new WeakMap<Query, Map<string, Change>>();
const watchedClients = new WeakSet<QueryClient>();

/** Each of `readded` keeps only its last row; the others of its rows were fetched before it left. */
function keepLastRows(readded: ReadonlySet<string>) {
  return (list: MemberList | undefined) => {
    if (!list || readded.size === 0) return list;
    const lastRow = new Map<string, number>();
    list.pages.flatMap((page) => page.members).forEach((name, row) => lastRow.set(name, row));
    let row = 0;
    return {
      ...list,
      pages: list.pages.map((page) => ({
        ...page,
        members: page.members.filter((name) => {
          const here = row++;
          return !readded.has(name) || lastRow.get(name) === here;
        }),
      })),
    };
  };
}

function patchAgainWhenFetchesLand(queryClient: QueryClient): void {
  if (watchedClients.has(queryClient)) return;
  watchedClients.add(queryClient);
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated') return;
    const query = event.query as Query;
    const landed = event.action.type === 'success' && !event.action.manual;
    const changed = changedDuringFetch.get(query);
    if (changed) {
      // Ended without an answer (an error, or cancelled when the list unmounted): nothing to hide again.
      if (!landed) {
        if (query.state.fetchStatus === 'idle') changedDuringFetch.delete(query);
        return;
      }
      changedDuringFetch.delete(query);
      hideAgain(queryClient, query, changed);
    }
    if (landed && rewound.has(query)) queryClient.setQueryData<MemberList>(query.queryKey, withoutRepeats);
  });
}

function hideAgain(queryClient: QueryClient, query: Query, changed: ReadonlyMap<string, Change>): void {
  const namesThat = (kind: Change) =>
    new Set([...changed].filter(([, change]) => change === kind).map(([name]) => name));
  // The page that was on its way was asked for after the members who left: it starts one page further back.
  queryClient.setQueryData<MemberList>(query.queryKey, (list) => {
    const last = list?.pages.at(-1);
    const pageSize = pageSizeOf(query.queryKey);
    const atEnd = last !== undefined && pageSize !== undefined && cursorAfter(last, pageSize) === undefined;
    // Before the end, a name added back is listed again by a later page: none of its rows stays for now.
    return atEnd
      ? keepLastRows(namesThat('added back'))(withoutMembers(namesThat('removed'), pageSize, 1)(list))
      : withoutMembers(new Set(changed.keys()), pageSize, 1)(list);
  });
}

function noteChangeDuringFetch(query: Query, names: Iterable<string>, change: Change) {
  const changed = changedDuringFetch.get(query);
  if (change === 'removed') {
    const record = changed ?? new Map<string, Change>();
    for (const name of names) record.set(name, 'removed');
    changedDuringFetch.set(query, record);
  } else if (changed) {
    for (const name of names) if (changed.has(name)) changed.set(name, 'added back');
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
  patchAgainWhenFetchesLand(queryClient);
  for (const query of queryClient.getQueryCache().findAll({ queryKey: ['threads', threadId, 'members'] })) {
    rewound.add(query);
    queryClient.setQueryData<MemberList>(query.queryKey, withoutMembers(gone, pageSizeOf(query.queryKey)));
    if (query.state.fetchStatus === 'fetching') noteChangeDuringFetch(query, gone, 'removed');
  }
}

/**
 * After a change: the thread's other queries (its details, with the member count) fetch again, once; and
 * every user's list of threads and membership answer is out of date (only those on screen fetch again).
 */
export function refreshThreadSummary(queryClient: QueryClient, threadId: string): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({
      queryKey: ['threads', threadId],
      predicate: (query) => query.queryKey[2] !== 'members',
    }),
    queryClient.invalidateQueries({ queryKey: ['users'] }),
  ]);
}

/** What an operation's settled items mean for each thread's loaded list, whoever started the operation. */
export function followSettledItems(queryClient: QueryClient, settled: SettledItems): void {
  const byThread = new Map<string, { added: string[]; gone: string[] }>();
  for (const { threadId, username, status } of settled.items) {
    let changes = byThread.get(threadId);
    if (changes === undefined) {
      changes = { added: [], gone: [] };
      byThread.set(threadId, changes);
    }
    if (status === 'added') changes.added.push(username);
    else if (status === 'removed' || status === 'not-a-member') changes.gone.push(username);
    // An add refused (possibly after it first read as added, on hosts that skip users silently): not a member.
    else if (status === 'refused' && settled.kind === 'add') changes.gone.push(username);
  }
  for (const [threadId, { added, gone }] of byThread) {
    showAddedMembers(queryClient, threadId, added);
    hideRemovedMembers(queryClient, threadId, gone);
  }
}

/** After an operation: the threads it touched fetch their details again; null (a reset): every thread. */
export function refreshAfterOperation(
  queryClient: QueryClient,
  operation: OperationSummary | null,
): Promise<unknown> {
  if (operation === null) return queryClient.invalidateQueries({ queryKey: ['threads'] });
  const threadIds = operation.threadId !== null ? [operation.threadId] : Object.keys(operation.threadNames);
  return Promise.all(threadIds.map((threadId) => refreshThreadSummary(queryClient, threadId)));
}
