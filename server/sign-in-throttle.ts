// Slows down password guessing: after a few failures for a name or from an address, each further attempt
// must wait twice as long as the last, up to a quarter of an hour.

const FREE_FAILURES = 3;
const FIRST_WAIT_MS = 1000;
const LONGEST_WAIT_MS = 15 * 60 * 1000;

interface Failures {
  count: number;
  lockedUntil: number;
}

export interface SignInThrottle {
  /** Milliseconds until any of `keys` may try again; 0 when all may. */
  waitMs(keys: readonly string[]): number;
  failed(keys: readonly string[]): void;
  succeeded(keys: readonly string[]): void;
}

export function createSignInThrottle(now: () => number = Date.now): SignInThrottle {
  const failures = new Map<string, Failures>();
  const forgetStale = (): void => {
    for (const [key, entry] of failures) {
      if (entry.lockedUntil + LONGEST_WAIT_MS < now()) failures.delete(key);
    }
  };
  return {
    waitMs: (keys) => Math.max(0, ...keys.map((key) => (failures.get(key)?.lockedUntil ?? 0) - now())),
    failed(keys) {
      forgetStale();
      for (const key of keys) {
        const count = (failures.get(key)?.count ?? 0) + 1;
        const waitMs =
          count <= FREE_FAILURES
            ? 0
            : Math.min(FIRST_WAIT_MS * 2 ** (count - FREE_FAILURES - 1), LONGEST_WAIT_MS);
        failures.set(key, { count, lockedUntil: now() + waitMs });
      }
    },
    succeeded(keys) {
      for (const key of keys) failures.delete(key);
    },
  };
}
