// How long to wait before sending a batch again after a 5xx or a lost answer.

export interface BackoffPolicy {
  /** The wait ceiling after the first failure; it doubles with each further failure. */
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 250, capMs: 8_000 };

/**
 * "Equal jitter": half the exponential ceiling for sure, the other half random. The random half keeps batches
 * that failed together from retrying together; the fixed half gives a struggling service real time to recover,
 * which full jitter (0 to ceiling) sometimes does not.
 */
export function backoffDelay(failures: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
