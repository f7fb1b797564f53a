// The numbers a progress display shows beside the per-user results.
import { MAX_BATCH_SIZE } from './batches.ts';
import type { OutcomeCounts, UserOutcome } from './outcomes.ts';

export type BulkKind = 'add' | 'remove';

/** `stopped`: ended early on an error that no other batch could get past (see `stopReason`). */
export type BulkState = 'ready' | 'running' | 'cancelling' | 'finished' | 'cancelled' | 'stopped';

export interface BulkSnapshot {
  readonly kind: BulkKind;
  readonly state: BulkState;
  /** 0 before the operation starts, 1 once it has. */
  readonly run: number;
  /** Bumped on every change; a new snapshot object comes with each bump (for useSyncExternalStore). */
  readonly version: number;
  /** Every user of the operation. */
  readonly total: number;
  readonly counts: Readonly<OutcomeCounts>;
  /** The live outcome of each user, in the input order. Not copied per snapshot: read it with `version`. */
  readonly outcomes: ReadonlyMap<string, UserOutcome>;
  /** Calls sent, over all runs, including retries and the calls that split refused batches. */
  readonly calls: number;
  /** 429 answers received. */
  readonly rateLimited: number;
  /** Batches sent again after a 5xx or a lost answer. */
  readonly retries: number;
  /** Calls started on this endpoint in the last second. */
  readonly currentRate: number;
  /** The calls-per-second limit in force: the budget, or less for a while after a 429. */
  readonly limit: number;
  readonly budget: number;
  /** Of the current run. */
  readonly elapsedMs: number;
  /** Time left in the current run at the rate so far; null when not running. */
  readonly etaMs: number | null;
  readonly stopReason: string | null;
}

/** Before the first answer, the pacing floor; after it, the pace the run has actually kept. */
export function estimateRemainingMs(run: {
  done: number;
  pending: number;
  elapsedMs: number;
  limit: number;
}): number {
  if (run.pending === 0) return 0;
  if (run.done === 0) return (Math.ceil(run.pending / MAX_BATCH_SIZE) / run.limit) * 1000;
  return Math.round((run.pending * run.elapsedMs) / run.done);
}
