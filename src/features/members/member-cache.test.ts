import { InfiniteQueryObserver, QueryClient } from '@tanstack/react-query';
import { expect, test } from 'vitest';
import type { MemberPage } from '../../api/thread-members.ts';
import { hideRemovedMembers, showAddedMembers } from './member-cache.ts';
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
