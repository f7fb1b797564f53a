import { describe, expect, it } from 'vitest';
import { BulkOperation, type BulkOperationOptions } from './bulk-operation.ts';
import { FakeThread, fakeUsers } from './fake-thread.ts';
import { ManualClock } from './manual-clock.ts';
import { Pacer } from './pacer.ts';
import type { BatchSettled } from './outcomes.ts';

type Extra = Partial<Omit<BulkOperationOptions, 'kind' | 'call' | 'usernames' | 'clock'>>;

function setUp(thread: { latencyMs?: number; rateLimit?: number } = {}) {
  const clock = new ManualClock();
  const fake = new FakeThread(clock, thread);
  const add = (usernames: readonly string[], extra: Extra = {}) =>
    new BulkOperation({ kind: 'add', call: fake.add, usernames, clock, random: () => 0.5, ...extra });
  const remove = (usernames: readonly string[], extra: Extra = {}) =>
    new BulkOperation({ kind: 'remove', call: fake.remove, usernames, clock, random: () => 0.5, ...extra });
  return { clock, fake, add, remove };
}

describe('batching', () => {
  it('sends 25 users as 3 calls of 10, 10 and 5 and reports each user added', async () => {
    const { clock, fake, add } = setUp();
    const users = fakeUsers(25);
    for (const user of users) fake.group.add(user);
    const result = await clock.run(add(users).start());
    expect(fake.calls.map((call) => call.usernames.length)).toEqual([10, 10, 5]);
    expect(fake.calls.flatMap((call) => call.usernames)).toEqual(users);
    expect(result.state).toBe('finished');
    expect(result.counts).toMatchObject({ added: 25, pending: 0 });
    expect([...result.outcomes.values()].every((outcome) => outcome.status === 'added')).toBe(true);
    expect([...fake.members]).toEqual(users);
    expect(result.calls).toBe(3);
  });

  it('reports removed and not-a-member from the API answer', async () => {
    const { clock, fake, remove } = setUp();
    fake.members.add('alice');
    const result = await clock.run(remove(['alice', 'bob']).start());
    expect(result.outcomes.get('alice')).toEqual({ status: 'removed' });
    expect(result.outcomes.get('bob')).toEqual({ status: 'not-a-member' });
    expect(result.counts).toMatchObject({ removed: 1, 'not-a-member': 1 });
  });
});

describe('pacing', () => {
  it('never exceeds the budget in any one-second window and keeps it full at 100 ms latency', async () => {
    const { clock, fake, add } = setUp({ latencyMs: 100 });
    const users = fakeUsers(3000);
    for (const user of users) fake.group.add(user);
    const result = await clock.run(add(users).start());
    expect(fake.calls).toHaveLength(300);
    expect(fake.maxCallsInWindow()).toBe(100);
    expect(fake.maxInFlight).toBeLessThanOrEqual(16);
    // 16 calls every 100 ms until 100 have started in the window, then more as the oldest leave it: 300 calls
    // in three windows, the last answered before 3 s.
    expect(result.elapsedMs).toBeGreaterThan(2000);
    expect(result.elapsedMs).toBeLessThanOrEqual(3000);
    expect(result.counts.added).toBe(3000);
  });

  it('takes a budget change while running', async () => {
    const { clock, fake, add } = setUp({ latencyMs: 20 });
    const users = fakeUsers(600);
    for (const user of users) fake.group.add(user);
    const pacer = new Pacer({ callsPerSecond: 20, clock });
    const operation = add(users, { pacer });
    const done = operation.start();
    await clock.advance(1500);
    pacer.setCallsPerSecond(40);
    expect(operation.getSnapshot().budget).toBe(40);
    await clock.run(done);
    const before = fake.calls.filter((call) => call.startedAt < 1500);
    const after = fake.calls.filter((call) => call.startedAt >= 1500).map((call) => call.startedAt);
    expect(before).toHaveLength(40);
    expect(fake.maxCallsInWindow()).toBe(40);
    // The remaining 20 calls go out within the next second, not the two seconds 20/s would take.
    expect(after).toHaveLength(20);
    expect(Math.max(...after)).toBeLessThan(2500);
  });
});

describe('progress', () => {
  it('gives a stable snapshot between changes and notifies subscribers on each change', async () => {
    const { clock, fake, add } = setUp();
    const users = fakeUsers(30);
    for (const user of users) fake.group.add(user);
    const operation = add(users);
    const first = operation.getSnapshot();
    expect(operation.getSnapshot()).toBe(first);
    expect(first).toMatchObject({ state: 'ready', total: 30, counts: { pending: 30 }, etaMs: null });
    const seen: number[] = [];
    operation.subscribe(() => seen.push(operation.getSnapshot().counts.added));
    await clock.run(operation.start());
    expect(seen).toContain(10);
    expect(seen.at(-1)).toBe(30);
    expect(operation.getSnapshot()).not.toBe(first);
  });

  it('estimates the time left from the pace so far', async () => {
    const { clock, fake, add } = setUp({ latencyMs: 100 });
    const users = fakeUsers(2000);
    for (const user of users) fake.group.add(user);
    const operation = add(users);
    const done = operation.start();
    expect(operation.getSnapshot().etaMs).toBe(2000);
    await clock.advance(1050);
    const midway = operation.getSnapshot();
    expect(midway.state).toBe('running');
    // Each slot is held one second past its answer: 100 calls per 1.1 s at 100 ms latency.
    expect(midway.currentRate).toBeGreaterThan(80);
    expect(midway.currentRate).toBeLessThanOrEqual(100);
    expect(midway.etaMs).toBeGreaterThan(700);
    expect(midway.etaMs).toBeLessThan(1300);
    await clock.run(done);
  });

  it('tells listeners which users each batch settled, for patching a cached list', async () => {
    const { clock, fake, add } = setUp();
    const users = fakeUsers(12);
    for (const user of users) fake.group.add(user);
    const operation = add(users);
    const events: BatchSettled[] = [];
    operation.onBatchSettled((event) => events.push(event));
    await clock.run(operation.start());
    expect(events.map((event) => event.results.map((result) => result.username))).toEqual([
      users.slice(0, 10),
      users.slice(10),
    ]);
    expect(events[0]?.results[0]).toEqual({ username: 'user001', outcome: { status: 'added' } });
  });

  it('cannot start twice', async () => {
    const { clock, add } = setUp();
    const operation = add([]);
    await clock.run(operation.start());
    await expect(operation.start()).rejects.toThrow(/already started/);
  });
});
