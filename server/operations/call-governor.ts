// One budget per Chat API endpoint for everything the server sends: every operation of every moderator and
// every page a browser reads. Calls are counted from their start, when their request is written (the API
// counts a call as it arrives, and its answer's delay is the API's own work): concurrency then grows with
// latency and the budget is reached whether the API answers in 50 ms or in 12 s. Waiting callers are served by
// turns, one lane each (an operation, or a person's reads), so a large operation cannot starve one started
// later.
import { systemClock, type Clock } from '../../src/lib/bulk/clock.ts';
import { Pacer, type CallPacer, type ReleaseSlot } from '../../src/lib/bulk/pacer.ts';
import { setImmediate as nextTurnOfTheLoop } from 'node:timers/promises';
import type { UpstreamSends } from '../upstream-http.ts';

/** The Chat API counts its limit per endpoint; these are the ones the server calls. */
export type ChatEndpoint =
  | 'members'
  | 'add-members'
  | 'remove-members'
  | 'threads'
  | 'thread'
  | 'user-threads'
  | 'group-user-threads'
  | 'group-membership';

export interface CallGovernorOptions {
  /** Per endpoint, as the API counts (100 by default). */
  callsPerSecond: number;
  clock?: Clock;
  /**
   * Added to the API's one-second window: a call may reach the API a little later than it started, and two
   * calls a window apart by our clock must not meet in one of its windows.
   */
  guardMs?: number;
  /**
   * Watch this process for stalls (every few milliseconds) and count the calls started during one from its end:
   * they reached the API only then. On by default; tests with a manual clock leave it off.
   */
  watchStalls?: boolean;
  /**
   * Tells of each call as it is handed to the HTTP client, and then when its request is written (see
   * upstream-http.ts): the call counts from that moment, exactly, rather than from the end of the stall it was
   * prepared in.
   */
  sends?: UpstreamSends;
  /**
   * Waited for between two slots handed out at once, so that the calls handed out already leave meanwhile: the
   * HTTP client writes a request only once the process gets back to its event loop. The next turn of the event
   * loop by default; tests with a manual clock go on at once.
   */
  nextTurn?: () => Promise<unknown>;
}

const STALL_TICK_MS = 10;
/** A tick this late means the process did nothing else meanwhile: its calls in the making were held up. */
const STALL_MS = 3 * STALL_TICK_MS;

interface Waiter {
  resolve: (release: ReleaseSlot | null) => void;
}

class Lane {
  readonly waiters: Waiter[] = [];
  /** Callers in `acquire`, waiting for the lane's cap or the endpoint. */
  acquiring = 0;
  constructor(
    readonly id: string,
    /** A lane with its own cap (a person's reads) takes a slot of it before the endpoint's. */
    readonly cap: Pacer | null,
  ) {}
}

/** The callers of one endpoint, served by turns. */
class EndpointQueue {
  private readonly lanes = new Map<string, Lane>();
  /** Lanes with waiters, in the order their turn comes. */
  private turns: Lane[] = [];
  private pumping = false;

  constructor(
    readonly pacer: Pacer,
    private readonly nextTurn: () => Promise<unknown>,
  ) {}

  lane(id: string, cap: () => Pacer | null): Lane {
    let lane = this.lanes.get(id);
    if (lane === undefined) {
      lane = new Lane(id, cap());
      this.lanes.set(id, lane);
    }
    return lane;
  }

  wait(lane: Lane, signal: AbortSignal | undefined): Promise<ReleaseSlot | null> {
    if (signal?.aborted) return Promise.resolve(null);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        resolve: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
      };
      const onAbort = (): void => {
        const index = lane.waiters.indexOf(waiter);
        if (index >= 0) lane.waiters.splice(index, 1);
        if (lane.waiters.length === 0) {
          this.turns = this.turns.filter((other) => other !== lane);
          this.retire(lane);
        }
        waiter.resolve(null);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      lane.waiters.push(waiter);
      if (!this.turns.includes(lane)) this.turns.push(lane);
      void this.pump();
    });
  }

  /** An operation's lane goes when it has nobody waiting (it comes back on its next call); a cap stays. */
  private retire(lane: Lane): void {
    if (lane.cap === null) this.lanes.delete(lane.id);
  }

  /** Hands each slot the endpoint frees to the next lane in turn. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.turns.length > 0) {
        const release = await this.pacer.acquire();
        const lane = this.turns.shift();
        const waiter = lane?.waiters.shift();
        if (lane === undefined || waiter === undefined) {
          // Everyone waiting gave up meanwhile: the slot goes unused.
          release?.();
          continue;
        }
        if (lane.waiters.length > 0) this.turns.push(lane);
        else this.retire(lane);
        waiter.resolve(release);
        // Without this, a window's hundred calls would all be prepared before the first of them left, and the
        // next window would start that much later: each window counts from when its calls left.
        await this.nextTurn();
      }
    } finally {
      this.pumping = false;
    }
  }
}

/** A 429 here mostly means a call reached the API later than it started: a cut by a quarter is enough. */
const SLOW_DOWN_TO = 0.75;

export class CallGovernor {
  private readonly clock: Clock;
  private readonly windowMs: number;
  private readonly endpoints = new Map<ChatEndpoint, EndpointQueue>();
  private readonly pacers: Pacer[] = [];
  private stallWatch: NodeJS.Timeout | undefined;
  private readonly stopHearingSends: (() => void) | undefined;
  private readonly nextTurn: () => Promise<unknown>;
  private budget: number;

  constructor({
    callsPerSecond,
    clock = systemClock,
    guardMs = 50,
    watchStalls = clock === systemClock,
    sends,
    nextTurn = clock === systemClock ? () => nextTurnOfTheLoop() : () => Promise.resolve(),
  }: CallGovernorOptions) {
    this.budget = callsPerSecond;
    this.clock = clock;
    this.nextTurn = nextTurn;
    this.windowMs = 1000 + guardMs;
    if (watchStalls) this.watchStalls();
    this.stopHearingSends = sends?.((endpoint) => {
      const written = this.endpoints.get(endpoint)?.pacer.claim();
      return written ? () => written(this.clock.now()) : undefined;
    });
  }

  /** Stops watching for stalls and sends; the server's operations end with it. */
  close(): void {
    clearInterval(this.stallWatch);
    this.stopHearingSends?.();
  }

  private watchStalls(): void {
    let last = this.clock.now();
    this.stallWatch = setInterval(() => {
      const now = this.clock.now();
      if (now - last > STALL_MS) for (const pacer of this.pacers) pacer.stalled(last, now);
      last = now;
    }, STALL_TICK_MS);
    this.stallWatch.unref();
  }

  get callsPerSecond(): number {
    return this.budget;
  }

  /**
   * A lane's view of one endpoint, in the shape the bulk engine paces with. `maxPerSecond` caps the lane
   * on its own (a person's reads: one person cannot spend an endpoint's whole budget). `maxWaiting` refuses a
   * call at once (acquire gives null) while that many of the lane's calls wait already: one person's flood
   * then costs the server nothing, where each waiting call would cost it work at every slot handed out.
   */
  lane(
    endpoint: ChatEndpoint,
    laneId: string,
    { maxPerSecond, maxWaiting }: { maxPerSecond?: number; maxWaiting?: number } = {},
  ): CallPacer {
    const queue = this.queue(endpoint);
    const lane = queue.lane(laneId, () =>
      maxPerSecond === undefined ? null : this.pacer(Math.min(maxPerSecond, this.budget)),
    );
    const { pacer } = queue;
    return {
      get callsPerSecond() {
        return pacer.callsPerSecond;
      },
      acquire: async (signal) => {
        if (maxWaiting !== undefined && lane.acquiring >= maxWaiting) return null;
        lane.acquiring += 1;
        try {
          const capped = lane.cap === null ? null : await lane.cap.acquire(signal);
          if (lane.cap !== null && capped === null) return null;
          const release = await queue.wait(lane, signal);
          if (release === null) {
            capped?.();
            return null;
          }
          return () => {
            capped?.();
            release();
          };
        } finally {
          lane.acquiring -= 1;
        }
      },
      slowDown: (startedAt) => pacer.slowDown(startedAt),
      currentLimit: () => pacer.currentLimit(),
      recentCalls: () => pacer.recentCalls(),
    };
  }

  private queue(endpoint: ChatEndpoint): EndpointQueue {
    let queue = this.endpoints.get(endpoint);
    if (queue === undefined) {
      queue = new EndpointQueue(this.pacer(this.budget), this.nextTurn);
      this.endpoints.set(endpoint, queue);
    }
    return queue;
  }

  private pacer(callsPerSecond: number): Pacer {
    const pacer = new Pacer({
      callsPerSecond,
      clock: this.clock,
      windowMs: this.windowMs,
      countFrom: 'start',
      slowDownTo: SLOW_DOWN_TO,
    });
    this.pacers.push(pacer);
    return pacer;
  }
}
