import { InfiniteQueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_GROUP_ID, DEMO_OTHER_GROUP_ID, DEMO_THREADS, DEMO_USERS } from '../../../emulator/demo-data.ts';
import type { ThreadSort } from '../../api/threads.ts';
import { createQueryClient } from '../../app/query-client.ts';
import { createDashboardHarness, type DashboardHarness } from '../../test/dashboard-harness.ts';
import { userThreadsQuery } from './user-thread-queries.ts';

let harness: DashboardHarness;
afterEach(() => harness.close());

/** Pages through the list to its end as the page's infinite scroll does. */
async function walk(username: string, groupId: string | null, sort: ThreadSort = 'desc') {
  const observer = new InfiniteQueryObserver(
    createQueryClient(),
    userThreadsQuery(harness.api, username, groupId, sort),
  );
  await observer.refetch();
  let result = observer.getCurrentResult();
  while (result.hasNextPage) result = await observer.fetchNextPage();
  if (result.error) throw result.error;
  return result.data?.pages.flatMap((page) => page.threads) ?? [];
}

describe("a user's threads", () => {
  it('walks every page of the app-wide list (endpoint 8), newest first, with the details of each thread', async () => {
    harness = createDashboardHarness();
    const threads = await walk(DEMO_USERS.spammer, null);
    expect(threads).toHaveLength(54);
    expect(new Set(threads.map((thread) => thread.id)).size).toBe(54);
    const created = threads.map((thread) => thread.created);
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(threads.find((thread) => thread.id === DEMO_THREADS.large)).toEqual({
      id: DEMO_THREADS.large,
      name: 'Community help desk',
      owner: DEMO_USERS.moderator,
      groupId: DEMO_GROUP_ID,
      created: expect.any(Number) as number,
    });
    // Two pages of 50 and 4; the short page ends the walk.
    expect(harness.calls('/threads/user/spammer')).toBe(2);
  });

  it('keeps to one group with endpoint 9, oldest first', async () => {
    harness = createDashboardHarness();
    const threads = await walk(DEMO_USERS.spammer, DEMO_OTHER_GROUP_ID, 'asc');
    expect(threads.map((thread) => thread.groupId)).toEqual(Array(3).fill(DEMO_OTHER_GROUP_ID));
    const created = threads.map((thread) => thread.created);
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect(harness.calls(`/threads/chatgroups/${DEMO_OTHER_GROUP_ID}/user/spammer`)).toBe(1);
  });

  it('is empty for a user in no thread, and a 404 for an unknown user', async () => {
    harness = createDashboardHarness();
    expect(await walk(DEMO_USERS.lurker, null)).toEqual([]);
    await expect(walk(DEMO_USERS.unknown, null)).rejects.toMatchObject({
      status: 404,
      code: 'service_resource_not_found',
    });
  });
});
