import { InfiniteQueryObserver, QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, test } from 'vitest';
import { DEMO_THREADS } from '../../../emulator/demo-data.ts';
import { createDashboardHarness, type DashboardHarness } from '../../test/dashboard-harness.ts';
import type { MemberPage } from '../../api/thread-members.ts';
import {
  followSettledItems,
  hideRemovedMembers,
  refreshThreadSummary,
  showAddedMembers,
} from './member-cache.ts';
import { threadMembersQuery } from './member-queries.ts';

const page = (members: string[], cursor: string | null): MemberPage => ({
  members,
  fetchedCount: members.length,
  cursor,
});

/** A two-per-page list whose second page answers only when the test says so. */
async function listWithHeldSecondPage() {
  const queryClient = new QueryClient();
  let answerSecondPage: (page: MemberPage) => void = () => undefined;
  const options = threadMembersQuery({} as never, 't1', 2);
  const observer = new InfiniteQueryObserver(queryClient, {
    ...options,
    queryFn: ({ pageParam }) =>
      pageParam === ''
        ? Promise.resolve(page(['alice', 'bob'], 'after-bob'))
        : new Promise<MemberPage>((resolve) => (answerSecondPage = resolve)),
  });
  const stop = observer.subscribe(() => undefined);
  await observer.refetch();
  const members = () => observer.getCurrentResult().data?.pages.flatMap((p) => p.members);
  return { queryClient, observer, stop, members, answerSecondPage: (p: MemberPage) => answerSecondPage(p) };
}

test('a member removed while the next page is on its way stays hidden when it lands', async () => {
  const list = await listWithHeldSecondPage();
  const nextPage = list.observer.fetchNextPage();
  hideRemovedMembers(list.queryClient, 't1', ['alice']);
  expect(list.members()).toEqual(['bob']);

  list.answerSecondPage(page(['carol'], null));
  await nextPage;
  expect(list.members()).toEqual(['bob', 'carol']);
  list.stop();
});

test('a member added back before the page lands keeps only the row where the API now lists them', async () => {
  const list = await listWithHeldSecondPage();
  const nextPage = list.observer.fetchNextPage();
  hideRemovedMembers(list.queryClient, 't1', ['alice']);
  showAddedMembers(list.queryClient, 't1', ['alice']);

  list.answerSecondPage(page(['carol', 'alice'], null));
  await nextPage;
  expect(list.members()).toEqual(['bob', 'carol', 'alice']);
  list.stop();
});

test('before the end of the list, a member added back is left for the later page that lists them again', async () => {
  const list = await listWithHeldSecondPage();
  const nextPage = list.observer.fetchNextPage();
  hideRemovedMembers(list.queryClient, 't1', ['alice']);
  showAddedMembers(list.queryClient, 't1', ['alice']);

  list.answerSecondPage(page(['carol', 'dave'], 'after-dave'));
  await nextPage;
  expect(list.members()).toEqual(['bob', 'carol', 'dave']);
  list.stop();
});

test("after a change, the users' lists of threads and membership answers are out of date", async () => {
  const queryClient = new QueryClient();
  queryClient.setQueryData(['users', 'alice', 'threads', 'membership', { threadId: 't1' }], true);
  queryClient.setQueryData(['threads', 't1', 'members', { pageSize: 50 }], { pages: [], pageParams: [] });
  await refreshThreadSummary(queryClient, 't1');
  const stale = (key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated;
  expect(stale(['users', 'alice', 'threads', 'membership', { threadId: 't1' }])).toBe(true);
  // The member list itself is patched as batches land, never fetched again page by page.
  expect(stale(['threads', 't1', 'members', { pageSize: 50 }])).toBe(false);
});

test('a user an add reported added, then found skipped by the host, leaves the list again', () => {
  const queryClient = new QueryClient();
  const { queryKey } = threadMembersQuery({} as never, 't1', 2);
  queryClient.setQueryData(queryKey, { pages: [page(['alice'], null)], pageParams: [''] });
  const members = () => queryClient.getQueryData(queryKey)?.pages.flatMap((p) => p.members);
  const settled = (status: 'added' | 'refused') => ({
    id: 'op1',
    kind: 'add' as const,
    items: [{ threadId: 't1', username: 'zed', status, reason: null }],
  });
  followSettledItems(queryClient, settled('added'));
  expect(members()).toEqual(['alice', 'zed']);
  followSettledItems(queryClient, settled('refused'));
  expect(members()).toEqual(['alice']);
});

describe.each(['stable', 'offset'] as const)('scrolling while members leave, cursor %s', (cursor) => {
  const thread = DEMO_THREADS.large;
  let harness: DashboardHarness;
  afterEach(() => harness.close());

  /** Loads three pages of 50; 15 of those members leave (optionally while the fourth page is on its way). */
  async function scrollThrough(whileFetching: boolean) {
    harness = createDashboardHarness({ variants: { cursor } });
    const queryClient = new QueryClient();
    const observer = new InfiniteQueryObserver(queryClient, threadMembersQuery(harness.api, thread, 50));
    const stop = observer.subscribe(() => undefined);
    await observer.refetch();
    await observer.fetchNextPage();
    await observer.fetchNextPage();
    const members = () => observer.getCurrentResult().data?.pages.flatMap((p) => p.members) ?? [];
    const leaving = members().filter((_, i) => i % 10 === 3);
    const leave = () => {
      for (const name of leaving) harness.emulator.store.removeThreadMember(thread, name);
      hideRemovedMembers(queryClient, thread, leaving);
    };
    if (whileFetching) {
      const next = observer.fetchNextPage();
      leave();
      await next;
    } else leave();
    expect(leaving).toHaveLength(15);
    while (observer.getCurrentResult().hasNextPage) await observer.fetchNextPage();
    stop();
    return members();
  }

  test('every member is listed once and in join order, none who left', async () => {
    const listed = await scrollThrough(false);
    const now = harness.emulator.store.listThreadMembers(thread);
    expect(now).toHaveLength(1_185);
    expect(listed).toEqual(now);
  });

  test('members leaving while a page is on its way: every member still listed once', async () => {
    const listed = await scrollThrough(true);
    const now = harness.emulator.store.listThreadMembers(thread);
    expect(new Set(listed).size).toBe(listed.length);
    // With offset cursors the page on its way skipped some members; they are fetched again after it, so
    // those few rows come later than their join order.
    if (cursor === 'stable') expect(listed).toEqual(now);
    else expect([...listed].sort()).toEqual([...now].sort());
  });
});
