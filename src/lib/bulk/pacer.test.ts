import { describe, expect, it } from 'vitest';
import { ManualClock } from './manual-clock.ts';
import { Pacer, type PacerOptions } from './pacer.ts';

/** Takes `count` slots one after another for calls answered at once, returning when each was granted. */
async function take(pacer: Pacer, count: number): Promise<number[]> {
  const starts: number[] = [];
  for (let n = 0; n < count; n++) {
    const release = await pacer.acquire();
    starts.push(clockOf(pacer).now());
    release?.();
  }
  return starts;
}

const clocks = new WeakMap<Pacer, ManualClock>();
function clockOf(pacer: Pacer): ManualClock {
  const clock = clocks.get(pacer);
  if (!clock) throw new Error('no clock');
  return clock;
}
function pacerAt(
  callsPerSecond: number,
  options: Pick<PacerOptions, 'recoveryMs' | 'slowDownTo' | 'countFrom'> = {},
): Pacer {
  const clock = new ManualClock();
  const pacer = new Pacer({ callsPerSecond, clock, ...options });
  clocks.set(pacer, clock);
  return pacer;
}

function maxInWindow(starts: number[], windowMs = 1000): number {
  let best = 0;
  for (let i = 0, j = 0; j < starts.length; j++) {
    while ((starts[i] ?? 0) <= (starts[j] ?? 0) - windowMs) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

describe('Pacer', () => {
  it('never lets more than N calls start in any one-second window, and uses the whole budget', async () => {
    const pacer = pacerAt(100);
    const starts = await clockOf(pacer).run(take(pacer, 350));
    expect(maxInWindow(starts)).toBe(100);
    // 100 at once, then each second's worth as the first ones leave the window: the 301st..350th at 3 s.
    expect(starts.at(-1)).toBe(3000);
  });

  it('applies a budget change at once, also to a caller already waiting', async () => {
    const pacer = pacerAt(10);
    const clock = clockOf(pacer);
    const starts = take(pacer, 70);
    await clock.advance(500);
    // The 11th caller waits for the first second's calls to leave the window; raising the budget wakes it.
    pacer.setCallsPerSecond(50);
    const all = await clock.run(starts);
    expect(all.filter((at) => at === 0)).toHaveLength(10);
    expect(all.filter((at) => at === 500)).toHaveLength(40);
    expect(all.filter((at) => at === 1000)).toHaveLength(10);
    expect(all.filter((at) => at === 1500)).toHaveLength(10);
    expect(maxInWindow(all)).toBe(50);
  });

  it('applies a lower budget to the next call', async () => {
    const pacer = pacerAt(100);
    const clock = clockOf(pacer);
    await clock.run(take(pacer, 20));
    pacer.setCallsPerSecond(5);
    const later = await clock.run(take(pacer, 5));
    // 20 already started in this window, so nothing more until they leave it.
    expect(later).toEqual([1000, 1000, 1000, 1000, 1000]);
  });

  it('halves what it actually sends after a 429, once per burst, and recovers step by step', async () => {
    const pacer = pacerAt(100, { recoveryMs: 1000 });
    const clock = clockOf(pacer);
    await clock.run(take(pacer, 40));
    await clock.advance(100);
    pacer.slowDown(0);
    // 40 were sent in the window, so the limit is 20 now; a 429 of a call sent before the slow-down is an echo.
    expect(pacer.currentLimit()).toBe(20);
    pacer.slowDown(50);
    expect(pacer.currentLimit()).toBe(20);
    await clock.advance(1000);
    expect(pacer.currentLimit()).toBe(40);
    await clock.advance(1000);
    expect(pacer.currentLimit()).toBe(80);
    await clock.advance(1000);
    expect(pacer.currentLimit()).toBe(100);
  });

  it('cuts by the share it is given, for calls counted from their start', async () => {
    const pacer = pacerAt(100, { slowDownTo: 0.75 });
    const clock = clockOf(pacer);
    await clock.run(take(pacer, 40));
    pacer.slowDown(0);
    expect(pacer.currentLimit()).toBe(30);
  });

  it('counts calls started during a stall of the process from its end', async () => {
    const pacer = pacerAt(2, { countFrom: 'start' });
    const clock = clockOf(pacer);
    await clock.run(take(pacer, 2));
    await clock.advance(300);
    pacer.stalled(0, 300);
    // Both left at 300 at the earliest, so the API may count them until 1300.
    expect(await clock.run(take(pacer, 1))).toEqual([1300]);
  });

  it('counts each call from when its own request was written, which no stall then moves', async () => {
    const pacer = pacerAt(3, { countFrom: 'start' });
    const clock = clockOf(pacer);
    const slots = [];
    for (let n = 0; n < 3; n++) slots.push(await clock.run(pacer.acquire()));
    const firstWritten = pacer.claim();
    const secondWritten = pacer.claim();
    // The third never reached the HTTP client. The second's connection was open; the first's was still being
    // opened, and it was written 30 ms later. Then the process stalled until 300.
    await clock.advance(10);
    secondWritten?.(clock.now());
    await clock.advance(30);
    firstWritten?.(clock.now());
    await clock.advance(260);
    pacer.stalled(0, 300);
    for (const release of slots) release?.();
    expect(await clock.run(take(pacer, 3))).toEqual([1010, 1040, 1300]);
  });

  it('tells no call a writing time when none is waiting to leave', async () => {
    const pacer = pacerAt(1, { countFrom: 'start' });
    const clock = clockOf(pacer);
    (await clock.run(pacer.acquire()))?.();
    // A call sent without a slot: the answered call had left already.
    expect(pacer.claim()).toBeNull();
  });

  it('lets a waiting caller go without a slot when its signal aborts', async () => {
    const pacer = pacerAt(1);
    const clock = clockOf(pacer);
    await clock.run(pacer.acquire());
    const controller = new AbortController();
    const waiting = pacer.acquire(controller.signal);
    controller.abort();
    expect(await waiting).toBeNull();
    expect(pacer.recentCalls()).toBe(1);
  });

  it('holds a slot until one window after the answer, since the API counts a call when it arrives', async () => {
    const pacer = pacerAt(2);
    const clock = clockOf(pacer);
    const first = await clock.run(pacer.acquire());
    const second = await clock.run(pacer.acquire());
    const third = pacer.acquire();
    await clock.advance(300);
    first?.();
    await clock.advance(100);
    second?.();
    expect(await clock.run(third)).not.toBeNull();
    // The first call's answer came at 300 ms, so its slot frees at 1300 ms, not 1000 ms after it started.
    expect(clock.now()).toBe(1300);
  });

  it('refuses a budget that is not a positive whole number', () => {
    expect(() => new Pacer({ callsPerSecond: 0 })).toThrow(RangeError);
    expect(() => pacerAt(5).setCallsPerSecond(2.5)).toThrow(RangeError);
  });
});
