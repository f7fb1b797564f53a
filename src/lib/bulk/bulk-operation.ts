// Runs one bulk add or remove: batches of 10, paced to the budget, with retries, refusal splitting, cancel and
// an exact outcome per user. Independent of React; a UI reads getSnapshot() through subscribe().
import { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff.ts';
import { addOutcomes, removeOutcomes, type RemovalAnswer } from './batch-answers.ts';
import { MAX_BATCH_SIZE, splitIntoBatches } from './batches.ts';
import { classifyFailure, reasonForUser, type CallFailure } from './call-failure.ts';
import { ChangeSignal } from './change-signal.ts';
import { systemClock, type Clock } from './clock.ts';
import { OutcomeLedger } from './outcome-ledger.ts';
import { ALREADY_A_MEMBER, NOT_SENT, type BatchSettled, type UserOutcome } from './outcomes.ts';
import { Pacer, type CallPacer, type ReleaseSlot } from './pacer.ts';
import { estimateRemainingMs, type BulkKind, type BulkSnapshot, type BulkState } from './progress.ts';
import { splitRefusedBatch } from './refusal.ts';

/** Sends one batch to endpoint 2; resolves when the API confirmed it. */
export type AddCall = (usernames: readonly string[]) => Promise<void>;
/** Sends one batch to endpoint 3; resolves with the API's answer per user. */
export type RemoveCall = (usernames: readonly string[]) => Promise<readonly RemovalAnswer[]>;

interface CommonOptions {
  /** Validated, normalised (lower case) and deduplicated by the caller. */
  usernames: readonly string[];
  /** Share one pacer per endpoint between operations that may overlap; else one is made from `budget`. */
  pacer?: CallPacer;
  /** Calls per second when no pacer is given (default 100). */
  budget?: number;
  clock?: Clock;
  /** Calls at once: 16 reach 100 calls/s at up to 160 ms latency. */
  maxInFlight?: number;
  /** Attempts per batch when calls fail with 5xx or no answer (default 5). */
  maxAttempts?: number;
  /** 429s do not count as attempts, but a batch gives up after this many of them (default 30). */
  maxRateLimited?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  /** Aborting it is cancel(). */
  signal?: AbortSignal;
  /** Items per call (default 10, the API's most); operations whose items are threads send one per call. */
  batchSize?: number;
  /** What a failed call means; operations over many threads treat one missing thread as that item's refusal. */
  classify?: (error: unknown) => CallFailure;
}

export type BulkOperationOptions = CommonOptions &
  (
    | { kind: 'add'; call: AddCall }
    | {
        kind: 'remove';
        call: RemoveCall;
        /**
         * Whether a user is known to have been a member when the operation was planned (default: yes, as for
         * selected rows). Only then does "not a member" after a lost answer mean the lost attempt removed them.
         */
        wasMember?: (username: string) => boolean;
        /**
         * Users a call may already have removed although no answer came (a run cut short by a restart): a
         * "not a member" for them then counts as removed, as after a lost answer within the run.
         */
        possiblyApplied?: readonly string[];
      }
  );

interface Batch {
  usernames: string[];
  failures: number;
  rateLimited: number;
  /** The last 5xx or lost answer: if set, an attempt may have been applied. */
  lastError: string | null;
}

const newBatch = (usernames: string[]): Batch => ({
  usernames,
  failures: 0,
  rateLimited: 0,
  lastError: null,
});

export class BulkOperation {
  readonly kind: BulkKind;
  private readonly send: (batch: readonly string[]) => Promise<[string, UserOutcome][]>;
  private readonly pacer: CallPacer;
  private readonly clock: Clock;
  private readonly maxInFlight: number;
  private readonly maxAttempts: number;
  private readonly maxRateLimited: number;
  private readonly backoff: BackoffPolicy;
  private readonly random: () => number;
  private readonly batchSize: number;
  private readonly classify: (error: unknown) => CallFailure;

  private readonly ledger: OutcomeLedger;
  /** Users an attempt may have removed although its answer was lost (see batch-answers.ts). */
  private readonly possiblyRemoved = new Set<string>();
  private state: BulkState = 'ready';
  private run = 0;
  private stopReason: string | null = null;
  private calls = 0;
  private rateLimited = 0;
  private retries = 0;
  private runStartedAt = 0;
  private runEndedAt: number | null = null;
  private runTotal = 0;
  private runDone = 0;

  private queue: Batch[] = [];
  private inFlight = 0;
  private backingOff = 0;
  private stop = new AbortController();
  /** Backoff waits, woken together on stop (one listener each, rather than hundreds on `stop.signal`). */
  private readonly backoffs = new Set<AbortController>();
  private readonly changed = new ChangeSignal();

  private version = 0;
  private snapshot: BulkSnapshot | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(options: BulkOperationOptions) {
    this.kind = options.kind;
    if (options.kind === 'add') {
      const call = options.call;
      this.send = async (batch) => {
        await call(batch);
        return addOutcomes(batch);
      };
    } else {
      const { call, wasMember = () => true, possiblyApplied = [] } = options;
      for (const username of possiblyApplied) this.possiblyRemoved.add(username);
      this.send = async (batch) => removeOutcomes(batch, await call(batch), this.possiblyRemoved, wasMember);
    }
    this.clock = options.clock ?? systemClock;
    this.pacer = options.pacer ?? new Pacer({ callsPerSecond: options.budget, clock: this.clock });
    this.maxInFlight = options.maxInFlight ?? 16;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.maxRateLimited = options.maxRateLimited ?? 30;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.random = options.random ?? Math.random;
    this.batchSize = options.batchSize ?? MAX_BATCH_SIZE;
    this.classify = options.classify ?? classifyFailure;
    this.ledger = new OutcomeLedger(options.kind, options.usernames);
    options.signal?.addEventListener('abort', () => this.cancel(), { once: true });
  }

  /** Runs every user once; resolves with the final snapshot when the last call has been answered. */
  start(): Promise<BulkSnapshot> {
    if (this.state !== 'ready') return Promise.reject(new Error('This bulk operation has already started.'));
    return this.runUsers([...this.ledger.outcomes.keys()]);
  }

  /** Sends no new batch; calls in flight finish and are reported; users never sent become `not-sent`. */
  cancel(): void {
    if (this.state !== 'running') return;
    this.state = 'cancelling';
    this.halt();
    this.changed.notify();
    this.emit();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The same object until something changes, as useSyncExternalStore requires. */
  getSnapshot = (): BulkSnapshot => {
    this.snapshot ??= this.buildSnapshot();
    return this.snapshot;
  };

  /** Each settled group of users, as it settles: what a cached member list needs to patch itself. */
  onBatchSettled(listener: (event: BatchSettled) => void): () => void {
    return this.ledger.onSettled(listener);
  }

  private async runUsers(usernames: string[]): Promise<BulkSnapshot> {
    this.beginRun(usernames);
    await this.dispatch();
    while (this.inFlight > 0 || this.backingOff > 0) await this.changed.next();
    return this.endRun();
  }

  private beginRun(usernames: string[]): void {
    this.run += 1;
    this.state = 'running';
    this.stopReason = null;
    this.stop = new AbortController();
    this.queue = splitIntoBatches(usernames, this.batchSize).map(newBatch);
    this.runStartedAt = this.clock.now();
    this.runEndedAt = null;
    this.runTotal = usernames.length;
    this.runDone = 0;
    this.emit();
  }

  private endRun(): BulkSnapshot {
    // What is still queued was never applied (429s and refusals apply nothing), unless a lost answer says maybe.
    for (const batch of this.queue.splice(0)) this.giveUp(batch, this.stopReason ?? undefined);
    this.state = this.stopReason !== null ? 'stopped' : this.stop.signal.aborted ? 'cancelled' : 'finished';
    this.runEndedAt = this.clock.now();
    this.emit();
    return this.getSnapshot();
  }

  private async dispatch(): Promise<void> {
    while (!this.stop.signal.aborted) {
      if (this.queue.length === 0 && this.inFlight === 0 && this.backingOff === 0) return;
      if (this.queue.length === 0 || this.inFlight >= this.maxInFlight) {
        await this.changed.next();
        continue;
      }
      const release = await this.pacer.acquire(this.stop.signal);
      if (release === null) return;
      // Taken after the wait, so that a batch put back meanwhile (429, split) goes first.
      const batch = this.queue.shift();
      if (batch === undefined) {
        release();
        continue;
      }
      this.inFlight += 1;
      this.calls += 1;
      void this.attempt(batch, this.clock.now(), release).finally(() => {
        this.inFlight -= 1;
        this.changed.notify();
      });
    }
  }

  private async attempt(batch: Batch, startedAt: number, release: ReleaseSlot): Promise<void> {
    let results: [string, UserOutcome][];
    try {
      results = await this.send(batch.usernames);
    } catch (error) {
      release();
      this.handleFailure(batch, this.classify(error), startedAt);
      return;
    }
    release();
    this.settle(results);
  }

  private handleFailure(batch: Batch, failure: CallFailure, startedAt: number): void {
    switch (failure.kind) {
      case 'rate-limited':
        this.rateLimited += 1;
        this.pacer.slowDown(startedAt);
        batch.rateLimited += 1;
        if (batch.rateLimited >= this.maxRateLimited) this.fail(batch, failure.reason);
        else this.queue.unshift(batch);
        break;
      case 'transient':
        this.retryLater(batch, failure.reason);
        break;
      case 'refused':
      case 'already-members': {
        const { refused, resend } = splitRefusedBatch(batch.usernames, failure.named);
        const outcome = (username: string): UserOutcome =>
          failure.kind === 'refused'
            ? { status: 'refused', reason: reasonForUser(failure.reason, username) }
            : ALREADY_A_MEMBER;
        this.settle(refused.map((username) => [username, outcome(username)]));
        // The refusal applied nothing, so the halves start afresh; a lost answer before it is in lastError.
        this.queue.unshift(
          ...resend.map((usernames) => ({ ...newBatch(usernames), lastError: batch.lastError })),
        );
        break;
      }
      case 'fatal':
        if (failure.mayHaveApplied) this.notePossiblyApplied(batch);
        this.fail(batch, failure.reason);
        if (this.stopReason === null) this.stopReason = failure.reason;
        this.halt();
        break;
    }
    this.emit();
  }

  /** A later "not a member" for these users then counts as removed: this attempt may have removed them. */
  private notePossiblyApplied(batch: Batch): void {
    if (this.kind === 'remove') for (const username of batch.usernames) this.possiblyRemoved.add(username);
  }

  private retryLater(batch: Batch, reason: string): void {
    this.notePossiblyApplied(batch);
    batch.failures += 1;
    batch.lastError = reason;
    if (batch.failures >= this.maxAttempts) {
      this.fail(batch, reason);
      return;
    }
    if (this.stop.signal.aborted) {
      this.giveUp(batch, this.stopReason ?? undefined);
      return;
    }
    this.retries += 1;
    this.backingOff += 1;
    const delay = backoffDelay(batch.failures, this.backoff, this.random);
    const wake = new AbortController();
    this.backoffs.add(wake);
    void this.clock.sleep(delay, wake.signal).then(() => {
      this.backoffs.delete(wake);
      this.backingOff -= 1;
      if (this.stop.signal.aborted) this.giveUp(batch, this.stopReason ?? undefined);
      else this.queue.unshift(batch);
      this.changed.notify();
    });
  }

  /** Sends nothing more: wakes the dispatcher's pacer wait and every backoff wait. */
  private halt(): void {
    this.stop.abort();
    for (const wake of this.backoffs) wake.abort();
  }

  /** Ends a batch that will not be sent again: `failed` if an attempt may have applied it, else `not-sent`. */
  private giveUp(batch: Batch, reason: string | undefined): void {
    if (batch.lastError !== null) {
      this.fail(
        batch,
        `${batch.lastError}; not retried because the operation ${reason ? 'stopped' : 'was cancelled'}`,
      );
      return;
    }
    const outcome: UserOutcome = reason === undefined ? NOT_SENT : { status: 'not-sent', reason };
    this.settle(batch.usernames.map((username) => [username, outcome]));
  }

  private fail(batch: Batch, reason: string): void {
    const outcome: UserOutcome = { status: 'failed', reason };
    this.settle(batch.usernames.map((username) => [username, outcome]));
  }

  private settle(results: [string, UserOutcome][]): void {
    if (results.length === 0) return;
    this.runDone += results.length;
    this.ledger.settle(results);
    this.emit();
  }

  private emit(): void {
    this.version += 1;
    this.snapshot = null;
    for (const listener of this.listeners) listener();
  }

  private buildSnapshot(): BulkSnapshot {
    const now = this.clock.now();
    const elapsedMs = (this.runEndedAt ?? now) - this.runStartedAt;
    const limit = this.pacer.currentLimit();
    const running = this.state === 'running' || this.state === 'cancelling';
    return {
      kind: this.kind,
      state: this.state,
      run: this.run,
      version: this.version,
      total: this.ledger.outcomes.size,
      counts: this.ledger.counts(),
      outcomes: this.ledger.outcomes,
      calls: this.calls,
      rateLimited: this.rateLimited,
      retries: this.retries,
      currentRate: this.pacer.recentCalls(),
      limit,
      budget: this.pacer.callsPerSecond,
      elapsedMs: this.run === 0 ? 0 : elapsedMs,
      etaMs: running
        ? estimateRemainingMs({ done: this.runDone, pending: this.runTotal - this.runDone, elapsedMs, limit })
        : null,
      stopReason: this.stopReason,
    };
  }
}

/** Runs an operation to its end; `onProgress` gets each new snapshot. */
export function runBulkOperation(
  options: BulkOperationOptions & { onProgress?: (snapshot: BulkSnapshot) => void },
): Promise<BulkSnapshot> {
  const operation = new BulkOperation(options);
  const { onProgress } = options;
  if (onProgress) operation.subscribe(() => onProgress(operation.getSnapshot()));
  return operation.start();
}
