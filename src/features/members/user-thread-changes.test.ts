import { afterEach, expect, it } from 'vitest';
import { DEMO_THREADS, DEMO_USERS } from '../../../emulator/demo-data.ts';
import { fetchJoinedThreadPage } from '../../api/user-threads.ts';
import { createQueryClient } from '../../app/query-client.ts';
import type { BulkSnapshot } from '../../lib/bulk/progress.ts';
import { createDashboardHarness, type DashboardHarness } from '../../test/dashboard-harness.ts';
import { threadMembersQuery } from './member-queries.ts';
import { operations, type OperationEntry } from './operations.ts';
import { launchRemovalFromThreads, undoRemovalFromThreads } from './user-thread-changes.ts';

let harness: DashboardHarness;
// Operations report a defect with the browser's reportError, which Node lacks: here it is collected.
const defects: unknown[] = [];
globalThis.reportError = (error: unknown) => defects.push(error);
afterEach(() => {
  expect(defects).toEqual([]);
  for (const entry of operations.getSnapshot()) operations.dismiss(entry.id);
  harness.close();
});

function ended(entry: OperationEntry): Promise<BulkSnapshot> {
  return new Promise((resolve) => {
    const check = () => {
      const snapshot = entry.operation.getSnapshot();
      if (['finished', 'cancelled', 'stopped'].includes(snapshot.state)) resolve(snapshot);
    };
    entry.operation.subscribe(check);
    check();
  });
}

it("removes a user from each of their threads through the server, patches the threads' loaded lists, and Undo puts them back", async () => {
  harness = createDashboardHarness();
  const queryClient = createQueryClient();
  const { alice } = DEMO_USERS;
  const { threads } = await fetchJoinedThreadPage(harness.api, {
    username: alice,
    groupId: null,
    limit: 50,
    cursor: '',
    sort: 'desc',
  });
  expect(threads.length).toBeGreaterThan(3);
  const membersQuery = threadMembersQuery(harness.api, DEMO_THREADS.small, 50);
  await queryClient.infiniteQuery(membersQuery);
  const loadedMembers = () =>
    queryClient.getQueryData(membersQuery.queryKey)?.pages.flatMap((p) => p.members);
  expect(loadedMembers()).toContain(alice);

  const removal = launchRemovalFromThreads(harness.api, queryClient, alice, threads);
  expect(removal.label).toBe(`Remove alice from ${threads.length} threads`);
  expect(removal.acrossThreads?.threadNames.get(DEMO_THREADS.small)).toBe('Moderators lounge');
  const result = await ended(removal);
  expect(result.counts).toMatchObject({ removed: threads.length, failed: 0 });
  // One call per thread, and the user left each one on the server.
  expect(harness.exchanges.filter((exchange) => exchange.method === 'DELETE')).toHaveLength(threads.length);
  for (const { id } of threads) expect(harness.emulator.store.listThreadMembers(id)).not.toContain(alice);
  expect(loadedMembers()).not.toContain(alice);

  const { acrossThreads } = removal;
  if (!acrossThreads) throw new Error('A removal from threads lists its threads.');
  const undo = undoRemovalFromThreads(harness.api, queryClient, removal, acrossThreads, [
    ...result.outcomes.keys(),
  ]);
  expect(undo.isUndo).toBe(true);
  expect((await ended(undo)).counts).toMatchObject({ added: threads.length, refused: 0 });
  for (const { id } of threads) expect(harness.emulator.store.listThreadMembers(id)).toContain(alice);
});
