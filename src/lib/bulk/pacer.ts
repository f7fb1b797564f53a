// Keeps calls to one endpoint within a budget of N per second. The API counts a call when it arrives, at most
// N in any window of one second. The client cannot see arrival times, but a call arrives before its answer
// does, so a call holds its slot from its start until one window after its answer: then no two calls of ours
// can meet in one of the API's windows, however their latencies differ (counting from the start alone let a
// retry land inside the window of a slower first call, and got 429s at the edge of every second).
// Share one pacer per endpoint between operations that may overlap.
// A server next to the API can do better (see `countFrom`): there the request reaches the API a few
// milliseconds after it starts, and the answer's delay is the API's own processing, after it counted the call.
import { systemClock, type Clock } from './clock.ts';

export interface PacerOptions {
  /** The app's budget for this client, calls per second (the API allows 100 per app and endpoint). */
  callsPerSecond?: number;
  clock?: Clock;
  windowMs?: number;
  /** After a slow-down the limit doubles again after each quiet period of this length, up to the budget. */
  recoveryMs?: number;
  /**
   * When a call stops counting against the window: one window after its `answer` (the safe rule where the
   * arrival time is unknown), or after its `start` (where calls arrive as they start, so that concurrency can
   * grow with latency and the budget is reached however slowly the API answers).
   */
  countFrom?: 'answer' | 'start';
  /**
   * What a 429 leaves of the rate: a half by default. Where calls are counted from their start, a 429 mostly
   * means a call reached the API later than it started, and a smaller cut recovers sooner.
   */
  slowDownTo?: number;
}

/** Call it when the call's answer (or failure) has arrived; calling it again does nothing. */
export type ReleaseSlot = () => void;

/** What the bulk engine needs of a pacer; a governor shared by many operations offers the same. */
export interface CallPacer {
  readonly callsPerSecond: number;
  acquire(signal?: AbortSignal): Promise<ReleaseSlot | null>;
  slowDown(startedAt: number): void;
  currentLimit(): number;
  recentCalls(): number;
}

export const DEFAULT_CALLS_PER_SECOND = 100;

function checkRate(callsPerSecond: number): number {
  if (!(Number.isInteger(callsPerSecond) && callsPerSecond >= 1)) {
    throw new RangeError('callsPerSecond must be a positive integer');
  }
  return callsPerSecond;
}

interface Slot {
  start: number;
  /** When the answer arrived; null while the call is in flight. */
  end: number | null;
  /** The call was handed to the HTTP client (see `claim`). */
  claimed: boolean;
  /** `start` is when the call's request was written, not a guess from when its slot was taken. */
  seen: boolean;
}

export class Pacer implements CallPacer {
  private readonly clock: Clock;
  private readonly windowMs: number;
  private readonly recoveryMs: number;
  private readonly countFrom: 'answer' | 'start';
  private readonly slowDownTo: number;
  private budget: number;
  /** The limit in force: the budget, or less for a while after a 429. */
  private limit: number;
  /** When the last 429 halved the limit. */
  private slowedAt = Number.NEGATIVE_INFINITY;
  /** When the limit last changed on its way back up to the budget. */
  private steppedAt = Number.NEGATIVE_INFINITY;
  /** Calls in flight, and answered calls less than a window ago; in start order. */
  private slots: Slot[] = [];
  /** One per sleeping caller, aborted to wake it when a slot or the budget changes. */
  private readonly sleepers = new Set<AbortController>();

  constructor({
    callsPerSecond = DEFAULT_CALLS_PER_SECOND,
    clock = systemClock,
    windowMs = 1000,
    recoveryMs = 1000,
    countFrom = 'answer',
    slowDownTo = 0.5,
  }: PacerOptions = {}) {
    this.budget = checkRate(callsPerSecond);
    this.limit = this.budget;
    this.clock = clock;
    this.windowMs = windowMs;
    this.recoveryMs = recoveryMs;
    this.countFrom = countFrom;
    this.slowDownTo = slowDownTo;
  }

  get callsPerSecond(): number {
    return this.budget;
  }

  /** Takes effect at once, including for callers already waiting. */
  setCallsPerSecond(callsPerSecond: number): void {
    const reduced = this.limit < this.budget;
    this.budget = checkRate(callsPerSecond);
    this.limit = reduced ? Math.min(this.limit, this.budget) : this.budget;
    this.wakeWaiters();
  }

  /** The limit now in force (below the budget for a while after a 429). */
  currentLimit(): number {
    this.refresh(this.clock.now());
    return this.limit;
  }

  /** Calls started in the last window: the current rate. */
  recentCalls(): number {
    const now = this.clock.now();
    this.refresh(now);
    return this.slots.filter((slot) => slot.start > now - this.windowMs).length;
  }

  /** Waits for a free slot and takes it; resolves null, taking nothing, if `signal` aborts first. */
  async acquire(signal?: AbortSignal): Promise<ReleaseSlot | null> {
    for (;;) {
      if (signal?.aborted) return null;
      const now = this.clock.now();
      this.refresh(now);
      if (this.slots.length < this.limit) return this.take(now);
      // Without a slot that ages out, only a release (or a budget change) can free one.
      let until = Number.POSITIVE_INFINITY;
      for (const slot of this.slots) until = Math.min(until, this.expiresAt(slot));
      if (this.limit < this.budget) until = Math.min(until, this.steppedAt + this.recoveryMs);
      await this.sleep(until === Number.POSITIVE_INFINITY ? this.windowMs : Math.max(1, until - now), signal);
    }
  }

  /**
   * A call started at `startedAt` got 429: the API's window is full, whether from our calls or the app's own
   * clients. Cut what we actually send (by half unless told otherwise), once per burst: 429s of calls started
   * before the last slow-down are echoes of the same overload and do not cut again.
   */
  slowDown(startedAt: number): void {
    if (startedAt <= this.slowedAt) return;
    this.limit = Math.max(1, Math.floor(Math.min(this.limit, this.recentCalls()) * this.slowDownTo));
    this.slowedAt = this.clock.now();
    this.steppedAt = this.slowedAt;
  }

  /**
   * The process was stalled from `from` to `to` (a long task, a pause): a call started meanwhile could not leave
   * before `to`, so where calls count from their start, it counts from then.
   */
  stalled(from: number, to: number): void {
    if (this.countFrom !== 'start') return;
    for (const slot of this.slots) if (!slot.seen && slot.start >= from && slot.start < to) slot.start = to;
  }

  /**
   * The call of the oldest slot in flight is being handed to the HTTP client (where calls count from their start).
   * Returns what to call with the time its request is written to a connection: the call then counts from that
   * moment, which no stall moves. Null when no call waits to leave (one sent without a slot). Claimed as calls
   * are handed over, so that each is told its own writing time, whichever connection writes first.
   */
  claim(): ((at: number) => void) | null {
    if (this.countFrom !== 'start') return null;
    const slot = this.slots.find((candidate) => !candidate.claimed && candidate.end === null);
    if (slot === undefined) return null;
    slot.claimed = true;
    return (at) => {
      slot.start = at;
      slot.seen = true;
    };
  }

  private take(now: number): ReleaseSlot {
    const slot: Slot = { start: now, end: null, claimed: false, seen: false };
    this.slots.push(slot);
    return () => {
      if (slot.end !== null) return;
      slot.end = this.clock.now();
      this.wakeWaiters();
    };
  }

  /** Sleeps until `ms` pass, the caller's signal aborts, or wakeWaiters(); leaves no listener behind. */
  private async sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
    const sleeper = new AbortController();
    const wake = (): void => sleeper.abort();
    signal?.addEventListener('abort', wake, { once: true });
    this.sleepers.add(sleeper);
    try {
      await this.clock.sleep(ms, sleeper.signal);
    } finally {
      this.sleepers.delete(sleeper);
      signal?.removeEventListener('abort', wake);
    }
  }

  private wakeWaiters(): void {
    for (const sleeper of this.sleepers) sleeper.abort();
  }

  /** When the slot stops counting; infinity while its call is in flight and only its answer can end it. */
  private expiresAt(slot: Slot): number {
    if (this.countFrom === 'start') return slot.start + this.windowMs;
    return slot.end === null ? Number.POSITIVE_INFINITY : slot.end + this.windowMs;
  }

  private refresh(now: number): void {
    this.slots = this.slots.filter((slot) => this.expiresAt(slot) > now);
    while (this.limit < this.budget && now - this.steppedAt >= this.recoveryMs) {
      this.limit = Math.min(this.budget, this.limit * 2);
      this.steppedAt += this.recoveryMs;
    }
  }
}
