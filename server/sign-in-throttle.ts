// Slows down password guessing: after a few failures for a name from one address, or from one address for any
// names, each further attempt there must wait twice as long as the last, up to a quarter of an hour. Failures
// are never counted for a name alone, so a stranger guessing from other addresses cannot keep its owner out.
// Attempts for one name from one address, or from one address, are checked one at a time, since a password
// check takes long enough for many parallel guesses to slip in before the first failure counts.

const FREE_FAILURES = 3;
const FIRST_WAIT_MS = 1000;
const LONGEST_WAIT_MS = 15 * 60 * 1000;

interface Failures {
  count: number;
  lockedUntil: number;
}

export interface SignInThrottle {
  /**
   * Starts an attempt: 0 when it may go on, and then `keys` are busy until `release`; else the milliseconds to
   * wait before trying again.
   */
  begin(keys: readonly string[]): number;
  release(keys: readonly string[]): void;
  failed(keys: readonly string[]): void;
  /** Forgets the failures of `keys`: the name from the address that signed in, not the address alone. */
  succeeded(keys: readonly string[]): void;
}

/** While another attempt with the same key is being checked. */
const BUSY_WAIT_MS = FIRST_WAIT_MS;

export function createSignInThrottle(now: () => number = Date.now): SignInThrottle {
  const failures = new Map<string, Failures>();
  const busy = new Set<string>();
  const forgetStale = (): void => {
    for (const [key, entry] of failures) {
      if (entry.lockedUntil + LONGEST_WAIT_MS < now()) failures.delete(key);
    }
  };
  return {
    begin(keys) {
      const waitMs = Math.max(0, ...keys.map((key) => (failures.get(key)?.lockedUntil ?? 0) - now()));
      if (waitMs > 0) return waitMs;
      if (keys.some((key) => busy.has(key))) return BUSY_WAIT_MS;
      for (const key of keys) busy.add(key);
      return 0;
    },
    release(keys) {
      for (const key of keys) busy.delete(key);
    },
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

/**
 * The keys one sign-in attempt counts against: the name from this address, and the address. The name is
 * compared without case, as accounts are found.
 */
export function signInKeys(name: string, address: string): { pair: string; address: string } {
  return { pair: `name:${name.toLowerCase()} from:${address}`, address: `address:${address}` };
}
