// A clock for tests that moves only when told to: timers fire in order, and `run` jumps from one to the next
// whenever every pending promise has settled, so virtual seconds pass in microseconds.
import type { Clock } from './clock.ts';

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
}

/** Lets every queued promise reaction run (setImmediate runs after the microtask queue has drained). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class ManualClock implements Clock {
  private time: number;
  private seq = 0;
  private timers: Timer[] = [];

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) {
        resolve();
        return;
      }
      const timer: Timer = {
        at: this.time + Math.max(0, ms),
        seq: this.seq++,
        fire: () => {
          signal?.removeEventListener('abort', cancel);
          resolve();
        },
      };
      const cancel = (): void => {
        this.timers = this.timers.filter((t) => t !== timer);
        resolve();
      };
      signal?.addEventListener('abort', cancel, { once: true });
      this.timers.push(timer);
    });
  }

  /** Moves time forward by `ms`, firing the timers due on the way in order. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    for (;;) {
      await settle();
      const next = this.nextTimer();
      if (next === undefined || next.at > target) break;
      this.fire(next);
    }
    this.time = target;
    await settle();
  }

  /** Advances from timer to timer until `promise` settles; throws if it waits on nothing the clock controls. */
  async run<T>(promise: Promise<T>, limitMs = 3_600_000): Promise<T> {
    const status = { settled: false };
    const watched = promise.finally(() => {
      status.settled = true;
    });
    // Handled here so that a rejection is not reported as unhandled while the clock is still advancing.
    watched.catch(() => undefined);
    const deadline = this.time + limitMs;
    for (;;) {
      await settle();
      if (status.settled) return watched;
      const next = this.nextTimer();
      if (next === undefined)
        throw new Error('ManualClock.run: the promise waits on something other than the clock');
      if (next.at > deadline) throw new Error(`ManualClock.run: not settled within ${limitMs} ms`);
      this.fire(next);
    }
  }

  private nextTimer(): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of this.timers) {
      if (best === undefined || timer.at < best.at || (timer.at === best.at && timer.seq < best.seq))
        best = timer;
    }
    return best;
  }

  private fire(timer: Timer): void {
    this.timers = this.timers.filter((t) => t !== timer);
    this.time = Math.max(this.time, timer.at);
    timer.fire();
  }
}
