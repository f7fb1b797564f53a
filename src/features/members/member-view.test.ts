import { InfiniteQueryObserver, QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, test } from 'vitest';
import { DEMO_THREADS } from '../../../emulator/demo-data.ts';
import type { OutcomeStatus } from '../../lib/bulk/outcomes.ts';
import { createDashboardHarness, type DashboardHarness } from '../../test/dashboard-harness.ts';
import type { MemberPage } from '../../api/thread-members.ts';
import { followSettledItems, memberChangesOf } from './member-changes.ts';
import { threadMembersQuery } from './member-queries.ts';
import { membersShown, nextPageParam } from './member-view.ts';

const page = (members: string[], cursor: string | null): MemberPage => ({
  members,
  fetchedCount: members.length,
  cursor,
});

/** An operation's event: `usernames` of thread t1 settled with `status`. */
function settle(queryClient: QueryClient, status: OutcomeStatus, usernames: string[], thread = 't1') {
  followSettledItems(queryClient, {
    id: 'op1',
    kind: status === 'added' || status === 'refused' ? 'add' : 'remove',
    items: usernames.map((username) => ({ threadId: thread, username, status, reason: null })),
  });
}

/** A two-per-page list of thread t1 whose second page answers only when the test says so. */
async function listWithHeldSecondPage() {
  const queryClient = new QueryClient();
  let answerSecondPage: (page: MemberPage) => void = () => undefined;
  const options = threadMembersQuery({} as never, queryClient, 't1', 2);
  const observer = new InfiniteQueryObserver(queryClient, {
    ...options,
    queryFn: async (context) => {
      const seen = memberChangesOf(queryClient, 't1').seq;
      const answer =
        context.pageParam === ''
          ? page(['alice', 'bob'], 'after-bob')
          : await new Promise<MemberPage>((resolve) => (answerSecondPage = resolve));
      return { ...answer, changesSeen: seen };
    },
  });
  const stop = observer.subscribe(() => undefined);
  await observer.refetch();
  const members = () =>
    membersShown(observer.getCurrentResult().data?.pages ?? [], memberChangesOf(queryClient, 't1'), 2);
  return { queryClient, observer, stop, members, answerSecondPage: (p: MemberPage) => answerSecondPage(p) };
}

test('a member removed while the next page is on its way stays hidden when it lands', async () => {
  const list = await listWithHeldSecondPage();
  const nextPage = list.observer.fetchNextPage();
  settle(list.queryClient, 'removed', ['alice']);
  expect(list.members()).toEqual(['bob']);

  list.answerSecondPage(page(['carol'], null));
  await nextPage;
  expect(list.members()).toEqual(['bob', 'carol']);
  list.stop();
});

test('a member added back before the page lands keeps only the row where the API now lists them', async () => {
  const list = await listWithHeldSecondPage();
  const nextPage = list.observer.fetchNextPage();
  settle(list.queryClient, 'removed', ['alice']);
  settle(list.queryClient, 'added', ['alice']);

  list.answerSecondPage(page(['carol', 'alice'], null));
  await nextPage;
  expect(list.members()).toEqual(['bob', 'carol', 'alice']);
  list.stop();
});

test('before the end of the list, a member added back is left for the later page that lists them again', async () => {
  const list = await listWithHeldSecondPage();
  const nextPage = list.observer.fetchNextPage();
  settle(list.queryClient, 'removed', ['alice']);
  settle(list.queryClient, 'added', ['alice']);

  list.answerSecondPage(page(['carol', 'dave'], 'after-dave'));
  await nextPage;
  expect(list.members()).toEqual(['bob', 'carol', 'dave']);
  list.stop();
});

test('a list at its end shows members added since, once; a page asked for later is believed', () => {
  const queryClient = new QueryClient();
  settle(queryClient, 'added', ['zed']);
  const changes = () => memberChangesOf(queryClient, 't1');
  const before = [{ ...page(['alice'], null), changesSeen: 0 }];
  expect(membersShown(before, changes(), 2)).toEqual(['alice', 'zed']);
  // Asked for after the add, the last page does not list zed: the host skipped them, or someone removed them.
  expect(membersShown([{ ...page(['alice'], null), changesSeen: 1 }], changes(), 2)).toEqual(['alice']);
  // Not at the end yet: the page that lists zed is still to come.
  expect(membersShown([{ ...page(['alice', 'bob'], 'c'), changesSeen: 0 }], changes(), 2)).toEqual([
    'alice',
    'bob',
  ]);
});

test('a user an add reported added, then found skipped by the host, leaves the list again', () => {
  const queryClient = new QueryClient();
  const pages = [{ ...page(['alice'], null), changesSeen: 0 }];
  settle(queryClient, 'added', ['zed']);
  expect(membersShown(pages, memberChangesOf(queryClient, 't1'), 2)).toEqual(['alice', 'zed']);
  settle(queryClient, 'refused', ['zed']);
  expect(membersShown(pages, memberChangesOf(queryClient, 't1'), 2)).toEqual(['alice']);
});

test("another thread's changes leave this thread's list alone", () => {
  const queryClient = new QueryClient();
  settle(queryClient, 'removed', ['alice'], 't2');
  const pages = [{ ...page(['alice'], null), changesSeen: 0 }];
  expect(membersShown(pages, memberChangesOf(queryClient, 't1'), 2)).toEqual(['alice']);
});

test('the next page starts again as many pages back as loaded members left since the last was asked for', () => {
  const queryClient = new QueryClient();
  const pages = [
    { ...page(['a', 'b'], 'p1'), changesSeen: 0 },
    { ...page(['c', 'd'], 'p2'), changesSeen: 0 },
    { ...page(['e', 'f'], 'p3'), changesSeen: 0 },
  ];
  const params = ['', 'p1', 'p2'];
  const next = () => nextPageParam(pages, params, memberChangesOf(queryClient, 't1'), 2);
  expect(next()).toBe('p3');
  settle(queryClient, 'removed', ['zed']); // never loaded: after the cursor, nothing shifts
  expect(next()).toBe('p3');
  settle(queryClient, 'removed', ['c']);
  expect(next()).toBe('p1');
  settle(queryClient, 'removed', ['a', 'e']);
  expect(next()).toBe('');
});

describe.each(['stable', 'offset'] as const)('scrolling while members leave, cursor %s', (cursor) => {
  const thread = DEMO_THREADS.large;
  let harness: DashboardHarness;
  afterEach(() => harness.close());

  /** Loads three pages of 50; 15 of those members leave (optionally while the fourth page is on its way). */
  async function scrollThrough(whileFetching: boolean) {
    harness = createDashboardHarness({ variants: { cursor } });
    const queryClient = new QueryClient();
    const observer = new InfiniteQueryObserver(
      queryClient,
      threadMembersQuery(harness.api, queryClient, thread, 50),
    );
    const stop = observer.subscribe(() => undefined);
    await observer.refetch();
    await observer.fetchNextPage();
    await observer.fetchNextPage();
    const members = () =>
      membersShown(observer.getCurrentResult().data?.pages ?? [], memberChangesOf(queryClient, thread), 50);
    const leaving = members().filter((_, i) => i % 10 === 3);
    const leave = () => {
      for (const name of leaving) harness.emulator.store.removeThreadMember(thread, name);
      settle(queryClient, 'removed', leaving, thread);
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
