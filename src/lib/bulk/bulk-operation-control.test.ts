import { describe, expect, it } from 'vitest';
import { BulkOperation, type BulkOperationOptions } from './bulk-operation.ts';
import { FakeThread, fakeUsers, type FakeFault } from './fake-thread.ts';
import { ManualClock } from './manual-clock.ts';

type Extra = Partial<Omit<BulkOperationOptions, 'kind' | 'call' | 'usernames' | 'clock'>>;

function setUp(latencyMs = 200) {
  const clock = new ManualClock();
  const fake = new FakeThread(clock, { latencyMs });
  const add = (usernames: readonly string[], extra: Extra = {}) =>
    new BulkOperation({ kind: 'add', call: fake.add, usernames, clock, random: () => 0.5, ...extra });
  const inGroup = (count: number) => {
    const users = fakeUsers(count);
    for (const user of users) fake.group.add(user);
    return users;
  };
  const fault = (user: string, ...faults: FakeFault[]) => fake.faultsByUser.set(user, faults);
  return { clock, fake, add, inGroup, fault };
}

describe('cancel', () => {
  it('lets the calls in flight finish and report, and sends nothing more', async () => {
    const { clock, fake, add, inGroup } = setUp();
    const users = inGroup(100);
    const operation = add(users, { maxInFlight: 2 });
    const done = operation.start();
    await clock.advance(100);
    operation.cancel();
    expect(operation.getSnapshot().state).toBe('cancelling');
    const result = await clock.run(done);
    expect(result.state).toBe('cancelled');
    expect(fake.calls).toHaveLength(2);
    expect(result.counts).toMatchObject({ added: 20, 'not-sent': 80, pending: 0 });
    expect(result.outcomes.get('user021')).toEqual({ status: 'not-sent' });
    expect(fake.members.size).toBe(20);
  });

  it('reports a batch waiting to be retried after a lost answer as failed, not as not-sent', async () => {
    const { clock, add, inGroup, fault } = setUp(10);
    const users = inGroup(20);
    fault('user001', 'after-500');
    const operation = add(users);
    const done = operation.start();
    await clock.advance(50);
    operation.cancel();
    const result = await clock.run(done);
    expect(result.outcomes.get('user001')).toEqual({
      status: 'failed',
      reason: 'Internal Server Error (HTTP 500); not retried because the operation was cancelled',
    });
    expect(result.outcomes.get('user011')).toEqual({ status: 'added' });
  });

  it('cancels when the signal it was given aborts', async () => {
    const { clock, add, inGroup } = setUp();
    const controller = new AbortController();
    const operation = add(inGroup(100), { maxInFlight: 1, signal: controller.signal });
    const done = operation.start();
    controller.abort();
    const result = await clock.run(done);
    expect(result.counts).toMatchObject({ added: 10, 'not-sent': 90 });
  });
});
