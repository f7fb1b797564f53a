import { describe, expect, it } from 'vitest';
import { BulkOperation, type BulkOperationOptions } from './bulk-operation.ts';
import { FakeThread, fakeUsers, type FakeFault } from './fake-thread.ts';
import { ManualClock } from './manual-clock.ts';

type Extra = Partial<Omit<BulkOperationOptions, 'kind' | 'call' | 'usernames' | 'clock'>>;

function setUp(thread: { latencyMs?: number; rateLimit?: number } = {}) {
  const clock = new ManualClock();
  const fake = new FakeThread(clock, thread);
  const add = (usernames: readonly string[], extra: Extra = {}) =>
    new BulkOperation({ kind: 'add', call: fake.add, usernames, clock, random: () => 0.5, ...extra });
  const remove = (usernames: readonly string[], extra: Extra = {}) =>
    new BulkOperation({ kind: 'remove', call: fake.remove, usernames, clock, random: () => 0.5, ...extra });
  const inGroup = (count: number) => {
    const users = fakeUsers(count);
    for (const user of users) fake.group.add(user);
    return users;
  };
  const fault = (user: string, ...faults: FakeFault[]) => fake.faultsByUser.set(user, faults);
  const callsWith = (user: string) => fake.calls.filter((call) => call.usernames.includes(user));
  return { clock, fake, add, remove, inGroup, fault, callsWith };
}

describe('429 reach_limit', () => {
  it('slows down to what the API takes and retries without spending attempts', async () => {
    // The app's own clients leave this operation 20 calls a second of the 100 it thinks it has.
    const { clock, fake, add, inGroup } = setUp({ rateLimit: 20, latencyMs: 50 });
    const users = inGroup(600);
    const operation = add(users, { maxAttempts: 1 });
    const done = operation.start();
    await clock.advance(500);
    expect(operation.getSnapshot().limit).toBeLessThan(100);
    const result = await clock.run(done);
    expect(result.counts.added).toBe(600);
    expect(result.rateLimited).toBeGreaterThan(0);
    expect(result.calls).toBe(60 + result.rateLimited);
    // At the full budget about 80 calls a second would be refused; slowing down keeps it near 12.
    expect(result.rateLimited).toBeLessThan(40);
    // 60 calls at 20 a second take just over 2 s at best.
    expect(result.elapsedMs).toBeLessThan(3000);
    expect(fake.members.size).toBe(600);
  });

  it('gives a batch up as failed after too many 429s', async () => {
    const { clock, add, inGroup, fault, callsWith } = setUp();
    const users = inGroup(20);
    fault('user015', ...Array<FakeFault>(10).fill('rate-limit'));
    const result = await clock.run(add(users, { maxRateLimited: 4 }).start());
    expect(callsWith('user015')).toHaveLength(4);
    expect(result.outcomes.get('user015')).toEqual({
      status: 'failed',
      reason: 'This request has reached api limit',
    });
    expect(result.counts).toMatchObject({ added: 10, failed: 10 });
  });
});

describe('5xx and lost answers', () => {
  it('retries with growing backoff and then succeeds', async () => {
    const { clock, add, inGroup, fault, callsWith } = setUp({ latencyMs: 10 });
    const users = inGroup(20);
    fault('user015', 'before-503', 'before-500', 'before-503');
    const result = await clock.run(add(users).start());
    expect(result.counts.added).toBe(20);
    expect(result.retries).toBe(3);
    const starts = callsWith('user015').map((call) => call.startedAt);
    const gaps = starts.slice(1).map((at, i) => at - (starts[i] ?? 0));
    // Answer after 10 ms, then 3/4 of a ceiling of 250, 500, 1000 ms (random() = 0.5).
    expect(gaps).toEqual([10 + 188, 10 + 375, 10 + 750]);
  });

  it('marks the batch failed with the last error after the last attempt', async () => {
    const { clock, add, inGroup, fault, callsWith } = setUp();
    const users = inGroup(20);
    fault('user001', 'before-500', 'before-503', 'before-503', 'before-503', 'after-500', 'before-503');
    const result = await clock.run(add(users, { maxAttempts: 5 }).start());
    expect(callsWith('user001')).toHaveLength(5);
    expect(result.outcomes.get('user005')).toEqual({
      status: 'failed',
      reason: 'Internal Server Error (HTTP 500)',
    });
    expect(result.counts).toMatchObject({ failed: 10, added: 10 });
    expect(result.state).toBe('finished');
  });

  it('adds again after a lost answer: add is idempotent', async () => {
    const { clock, fake, add, inGroup, fault } = setUp();
    const users = inGroup(10);
    fault('user001', 'after-drop');
    const result = await clock.run(add(users).start());
    expect(result.counts.added).toBe(10);
    expect(fake.calls).toHaveLength(2);
  });

  it('reports as removed the members whose first attempt lost its answer', async () => {
    const { clock, fake, remove, fault } = setUp();
    const users = fakeUsers(20);
    for (const user of users) fake.members.add(user);
    fault('user001', 'after-drop');
    fault('user011', 'before-503');
    const result = await clock.run(remove(users).start());
    expect(fake.members.size).toBe(0);
    // Batch 1 was applied, its answer lost: the retry answers `false` for all ten, who were removed.
    expect(result.outcomes.get('user001')).toEqual({ status: 'removed', inferred: true });
    expect(fake.calls.filter((call) => call.usernames.includes('user001'))).toHaveLength(2);
    // Batch 2 failed before anything was applied: the retry removes them and says so.
    expect(result.outcomes.get('user011')).toEqual({ status: 'removed' });
    expect(result.counts).toMatchObject({ removed: 20, 'not-a-member': 0, failed: 0 });
  });
});

describe('a batch refused as a whole', () => {
  it('refuses only the users the reason names and adds the rest', async () => {
    const { clock, fake, add, inGroup } = setUp();
    const members = inGroup(18);
    // One stranger in each batch: `outsider` exists in another group, `nobody-here` does not exist.
    const users = ['outsider', ...members.slice(0, 9), 'nobody-here', ...members.slice(9)];
    const result = await clock.run(add(users).start());
    const reason = 'users [outsider] are not members of this group!';
    expect(result.outcomes.get('outsider')).toEqual({ status: 'refused', reason });
    expect(result.outcomes.get('nobody-here')).toMatchObject({ status: 'refused' });
    expect(result.counts).toMatchObject({ added: 18, refused: 2 });
    expect([...fake.members].sort()).toEqual(members);
    // Each refused batch is sent once more without the users it named.
    expect(fake.calls.map((call) => call.usernames.length)).toEqual([10, 10, 9, 9]);
  });

  it('gives each refused user its own part of a reason that names several', async () => {
    const { clock, add, inGroup } = setUp();
    const result = await clock.run(add(['outsider', 'nobody-here', ...inGroup(3)]).start());
    expect(result.outcomes.get('outsider')).toEqual({
      status: 'refused',
      reason: 'users [outsider] are not members of this group!',
    });
    expect(result.outcomes.get('nobody-here')).toEqual({
      status: 'refused',
      reason: 'users [nobody-here] are not members of this group!',
    });
    expect(result.counts).toMatchObject({ added: 3, refused: 2 });
  });

  it('halves a batch whose refusal names nobody until the users at fault are alone', async () => {
    const { clock, fake, add, inGroup } = setUp();
    const users = inGroup(10);
    fake.atThreadLimit.add('user007');
    const result = await clock.run(add(users).start());
    expect(result.outcomes.get('user007')).toEqual({
      status: 'refused',
      reason: 'user join thread reach limit.',
    });
    expect(result.counts).toMatchObject({ added: 9, refused: 1 });
    // 10 → 5 + 5 → (6..10) 3 + 2 → (6..8) 2 + 1 → (6, 7) 1 + 1: 9 calls.
    expect(fake.calls.map((call) => call.usernames.length)).toEqual([10, 5, 5, 3, 2, 2, 1, 1, 1]);
  });
});

describe('a batch refused because some users are members already', () => {
  it.each([
    // Sent once more without the two it names.
    ['named', 2],
    // Halved until each member is alone: 10 → 5 + 5 → 3 + 2 each → 2 + 1 → 1 + 1.
    ['unnamed', 13],
  ] as const)('%s: reports them as already members and adds the rest', async (form, calls) => {
    const { clock, fake, add, inGroup } = setUp();
    const users = inGroup(10);
    fake.repeatedJoin = form;
    fake.members.add('user002');
    fake.members.add('user009');
    const result = await clock.run(add(users, { maxInFlight: 1 }).start());
    expect(result.state).toBe('finished');
    expect(result.outcomes.get('user002')).toEqual({ status: 'already-a-member' });
    expect(result.counts).toMatchObject({ added: 8, 'already-a-member': 2, refused: 0 });
    expect(fake.members.size).toBe(10);
    expect(fake.calls).toHaveLength(calls);
  });
});

describe('an error no batch can get past', () => {
  it('stops: the failing batch is failed, batches not yet sent are not-sent with the reason', async () => {
    const { clock, fake, add, inGroup, fault } = setUp();
    const users = inGroup(50);
    fault('user011', 'no-thread');
    const result = await clock.run(add(users, { maxInFlight: 1 }).start());
    const reason = 'thread not found. (HTTP 404)';
    expect(result.state).toBe('stopped');
    expect(result.stopReason).toBe(reason);
    expect(result.outcomes.get('user001')).toEqual({ status: 'added' });
    expect(result.outcomes.get('user011')).toEqual({ status: 'failed', reason });
    expect(result.outcomes.get('user050')).toEqual({ status: 'not-sent', reason });
    expect(result.counts).toMatchObject({ added: 10, failed: 10, 'not-sent': 30 });
    expect(fake.calls).toHaveLength(2);
  });
});
