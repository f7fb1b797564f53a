// The engine against the real server app and an in-process emulator with injected faults, real timers.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_THREADS, DEMO_USERS, demoUsername } from '../../../emulator/demo-data.ts';
import { addThreadMembers, removeThreadMembers } from '../../api/thread-member-changes.ts';
import { createDashboardHarness, type DashboardHarness } from '../../test/dashboard-harness.ts';
import { BulkOperation } from './bulk-operation.ts';
import type { BulkSnapshot } from './progress.ts';

let harness: DashboardHarness;
afterEach(() => harness.close());

const thread = DEMO_THREADS.small;
const backoff = { baseMs: 20, capMs: 200 };

function upstreamCalls(method: string): number {
  return harness.exchanges.filter(
    (exchange) => exchange.method === method && exchange.url.endsWith(`/thread/${thread}/users`),
  ).length;
}

function statuses(result: BulkSnapshot): Record<string, string> {
  return Object.fromEntries([...result.outcomes].map(([user, outcome]) => [user, outcome.status]));
}

describe('a bulk operation against the emulator with faults', () => {
  it('adds and removes exactly the users the results say, user by user', async () => {
    harness = createDashboardHarness();
    const { store } = harness.emulator;
    const before = store.listThreadMembers(thread);
    // Users of the group in no thread, with a stranger in the first batch and a non-existent user in the last.
    const newcomers = Array.from({ length: 23 }, (_, i) => demoUsername(140_001 + i));
    const toAdd = [...newcomers.slice(0, 2), DEMO_USERS.outsider, ...newcomers.slice(2), DEMO_USERS.unknown];

    harness.emulator.setFaults({ script: ['before-503', 'after-drop', 'after-500'] });
    const adding = new BulkOperation({
      kind: 'add',
      usernames: toAdd,
      call: (usernames) => addThreadMembers(harness.api, thread, usernames),
      backoff,
    });
    const added = await adding.start();
    const afterAdd = new Set(store.listThreadMembers(thread));
    for (const user of toAdd) {
      expect([user, statuses(added)[user]]).toEqual([user, afterAdd.has(user) ? 'added' : 'refused']);
    }
    expect(added.counts).toMatchObject({ added: 23, refused: 2, failed: 0 });
    expect(added.outcomes.get(DEMO_USERS.outsider)).toMatchObject({
      reason: expect.stringContaining(DEMO_USERS.outsider) as string,
    });
    expect(afterAdd.size).toBe(before.length + 23);
    // Every call the engine made reached the Chat API once: ky retried none of them behind its back.
    expect(upstreamCalls('POST')).toBe(added.calls);
    expect(added.retries).toBe(3);

    // One at a time, so that the two faults hit the first two batches and `lurker` (never a member) the third.
    harness.emulator.setFaults({ script: ['after-drop', 'before-503'] });
    const toRemove = [...newcomers.slice(0, 20), DEMO_USERS.lurker, ...newcomers.slice(20)];
    const removing = new BulkOperation({
      kind: 'remove',
      usernames: toRemove,
      call: (usernames) => removeThreadMembers(harness.api, thread, usernames),
      backoff,
      maxInFlight: 1,
    });
    const removed = await removing.start();
    const afterRemove = store.listThreadMembers(thread);
    expect(afterRemove).toEqual(before);
    for (const user of toRemove) {
      expect([user, statuses(removed)[user]]).toEqual([
        user,
        afterAdd.has(user) && !afterRemove.includes(user) ? 'removed' : 'not-a-member',
      ]);
    }
    // The first batch's answer was lost after it was applied: its users are removed, as inferred.
    expect(removed.outcomes.get(newcomers[0] ?? '')).toEqual({ status: 'removed', inferred: true });
    expect(removed.outcomes.get(newcomers[10] ?? '')).toEqual({ status: 'removed' });
    expect(removed.counts).toMatchObject({ removed: 23, 'not-a-member': 1, failed: 0 });
    expect(upstreamCalls('DELETE')).toBe(removed.calls);
  });

  it('slows down to the rate limit of the emulator and gets everyone added', async () => {
    harness = createDashboardHarness({ rateLimit: 5 });
    const users = Array.from({ length: 60 }, (_, i) => demoUsername(140_001 + i));
    const result = await new BulkOperation({
      kind: 'add',
      usernames: users,
      call: (usernames) => addThreadMembers(harness.api, thread, usernames),
    }).start();
    expect(result.counts.added).toBe(60);
    expect(result.rateLimited).toBeGreaterThan(0);
    expect(upstreamCalls('POST')).toBe(6 + result.rateLimited);
    expect(harness.emulator.store.listThreadMembers(thread).slice(-60).sort()).toEqual(users);
  });

  it('stops on an unknown thread and reports every user failed or not sent with the reason', async () => {
    harness = createDashboardHarness();
    const users = Array.from({ length: 30 }, (_, i) => demoUsername(140_001 + i));
    const result = await new BulkOperation({
      kind: 'add',
      usernames: users,
      call: (usernames) => addThreadMembers(harness.api, '999999999999999', usernames),
      maxInFlight: 1,
    }).start();
    expect(result.state).toBe('stopped');
    expect(result.stopReason).toBe('thread not found. (HTTP 404)');
    expect(result.counts).toMatchObject({ failed: 10, 'not-sent': 20 });
  });

  it('stops when the audit log cannot record a change, rather than making more changes nobody can trace', async () => {
    harness = createDashboardHarness();
    harness.audit.close();
    const users = Array.from({ length: 30 }, (_, i) => demoUsername(140_001 + i));
    const result = await new BulkOperation({
      kind: 'add',
      usernames: users,
      call: (usernames) => addThreadMembers(harness.api, thread, usernames),
      maxInFlight: 1,
    }).start();
    expect(result.state).toBe('stopped');
    expect(result.stopReason).toMatch(/audit log could not record it.*may have been applied/);
    expect(result.counts).toMatchObject({ failed: 10, 'not-sent': 20 });
    expect(upstreamCalls('POST')).toBe(1);
  });
});
