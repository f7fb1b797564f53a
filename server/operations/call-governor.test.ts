import { describe, expect, it } from 'vitest';
import { BulkOperation } from '../../src/lib/bulk/bulk-operation.ts';
import { FakeThread, fakeUsers } from '../../src/lib/bulk/fake-thread.ts';
import { ManualClock, settle } from '../../src/lib/bulk/manual-clock.ts';
import { CallGovernor, type ChatEndpoint } from './call-governor.ts';

function setUp({ latencyMs, rateLimit = 100 }: { latencyMs: number; rateLimit?: number }) {
  const clock = new ManualClock();
  const fake = new FakeThread(clock, { latencyMs, rateLimit });
  const governor = new CallGovernor({ callsPerSecond: 100, clock });
  const add = (lane: string, users: readonly string[]) => {
    for (const user of users) fake.group.add(user);
    return new BulkOperation({
      kind: 'add',
      usernames: users,
      call: fake.add,
      clock,
      random: () => 0.5,
      maxInFlight: 5000,
      pacer: governor.lane('add-members', lane),
    });
  };
  return { clock, fake, governor, add };
}

describe('CallGovernor', () => {
  it.each([50, 500, 2000, 12_000])('reaches the budget at %i ms latency without a 429', async (latencyMs) => {
    const { clock, fake, add } = setUp({ latencyMs });
    const result = await clock.run(add('op-1', fakeUsers(10_000)).start());
    expect(result.counts.added).toBe(10_000);
    expect(result.rateLimited).toBe(0);
    // 1,000 calls at 100 per (1 s + guard): the floor is 10 s, plus the last answer's latency.
    expect(result.elapsedMs - latencyMs).toBeLessThanOrEqual(10_500);
    expect(fake.maxCallsInWindow()).toBeLessThanOrEqual(100);
  });

  it('shares the endpoint by turns: an operation started later progresses at once', async () => {
    const { clock, fake, add } = setUp({ latencyMs: 300 });
    const first = add('first', fakeUsers(5_000, 'a'));
    const firstDone = first.start();
    await clock.advance(2_000);
    const second = add('second', fakeUsers(1_000, 'b'));
    const secondDone = second.start();
    await clock.advance(2_000);
    // Within two seconds of its start, the second has had about half the budget.
    expect(second.getSnapshot().counts.added).toBeGreaterThanOrEqual(800);
    await clock.run(Promise.all([firstDone, secondDone]));
    expect(first.getSnapshot().counts.added).toBe(5_000);
    expect(fake.maxCallsInWindow()).toBeLessThanOrEqual(100);
  });

  it("caps one person's lane below the endpoint's budget, leaving the rest to others", async () => {
    const clock = new ManualClock();
    const governor = new CallGovernor({ callsPerSecond: 100, clock });
    const reader = governor.lane('members', 'user:vic', { maxPerSecond: 25 });
    const operation = governor.lane('members', 'op-1');
    const granted = { reader: 0, operation: 0 };
    const take = async (pacer: typeof reader, who: keyof typeof granted) => {
      for (;;) {
        const release = await pacer.acquire();
        if (release === null) return;
        granted[who] += 1;
        release();
      }
    };
    void take(reader, 'reader');
    void take(operation, 'operation');
    await clock.advance(10_000);
    expect(granted.reader).toBeLessThanOrEqual(25 * 10);
    expect(granted.operation).toBeGreaterThanOrEqual(70 * 9);
  });

  it('gives nothing to a caller that stopped waiting', async () => {
    const clock = new ManualClock();
    const governor = new CallGovernor({ callsPerSecond: 1, clock });
    const lane = governor.lane('members', 'op-1');
    const first = await lane.acquire();
    expect(first).not.toBeNull();
    const stop = new AbortController();
    const waiting = lane.acquire(stop.signal);
    stop.abort();
    expect(await waiting).toBeNull();
  });
  it("refuses at once a person's call while as many as their share serves in the wait are waiting", async () => {
    const clock = new ManualClock();
    const governor = new CallGovernor({ callsPerSecond: 100, clock });
    const lane = () => governor.lane('members', 'person:vic', { maxPerSecond: 2, maxWaiting: 3 });
    // Two slots of the share at once, then three callers wait for the next second.
    const first = await Promise.all([lane().acquire(), lane().acquire()]);
    expect(first.every((release) => release !== null)).toBe(true);
    const waiting = [lane().acquire(), lane().acquire(), lane().acquire()];
    expect(await lane().acquire()).toBeNull();
    const served = await clock.run(Promise.all(waiting));
    expect(served.every((release) => release !== null)).toBe(true);
    // Nobody waits any more: the next call waits its turn again rather than being refused.
    expect(await clock.run(lane().acquire())).not.toBeNull();
  });

  it('counts a call from when its request was written, on its own endpoint only', async () => {
    const clock = new ManualClock();
    let onSend: (endpoint: ChatEndpoint) => (() => void) | undefined = () => undefined;
    let heard = true;
    const governor = new CallGovernor({
      callsPerSecond: 1,
      clock,
      guardMs: 0,
      sends: (listener) => {
        onSend = listener;
        return () => {
          heard = false;
        };
      },
    });
    const adds = governor.lane('add-members', 'op-1');
    const removes = governor.lane('remove-members', 'op-2');
    const add = await adds.acquire();
    const remove = await removes.acquire();
    const written = onSend('add-members');
    await clock.advance(200);
    written?.();
    add?.();
    remove?.();
    const granted = async (lane: typeof adds) => {
      await clock.run(lane.acquire());
      return clock.now();
    };
    expect(await granted(removes)).toBe(1000);
    expect(await granted(adds)).toBe(1200);
    governor.close();
    expect(heard).toBe(false);
  });

  it('lets each call it hands out leave before it hands out the next', async () => {
    const clock = new ManualClock();
    const events: string[] = [];
    const governor = new CallGovernor({
      callsPerSecond: 10,
      clock,
      nextTurn: () => settle().then(() => events.push('next turn')),
    });
    const lane = governor.lane('add-members', 'op-1');
    await Promise.all(
      [1, 2, 3].map(async (call) => {
        await lane.acquire();
        events.push(`call ${String(call)} leaves`);
      }),
    );
    expect(events.slice(0, 5)).toEqual([
      'call 1 leaves',
      'next turn',
      'call 2 leaves',
      'next turn',
      'call 3 leaves',
    ]);
  });
});
