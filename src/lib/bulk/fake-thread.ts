// Test double of endpoints 2 and 3 for engine unit tests: an in-memory thread on a ManualClock, with the
// emulator's documented behaviour (atomic add, per-user remove answers, sliding-window rate limit) and faults
// pinned to the batches that carry a given user, so that a test knows which batch a fault hits.
import { ApiError } from '../../api/api-error.ts';
import type { RemovalAnswer } from './batch-answers.ts';
import type { AddCall, RemoveCall } from './bulk-operation.ts';
import type { ManualClock } from './manual-clock.ts';

export type FakeFault = 'before-503' | 'before-500' | 'after-500' | 'after-drop' | 'rate-limit' | 'no-thread';

export interface FakeCall {
  kind: 'add' | 'remove';
  usernames: readonly string[];
  startedAt: number;
  /** ApiError status, or 200. */
  status: number;
}

export class FakeThread {
  readonly members = new Set<string>();
  /** Members of the parent group; add refuses anyone else. */
  readonly group = new Set<string>();
  /** Whether adding a member is refused as a whole (403, naming them unless `namesMembers` is false). */
  repeatedJoin: 'ok' | 'named' | 'unnamed' = 'ok';
  /** Users who are in too many threads already: add refuses them without naming anyone. */
  readonly atThreadLimit = new Set<string>();
  /** Faults for the next calls whose batch contains the user, in order. */
  readonly faultsByUser = new Map<string, FakeFault[]>();
  readonly calls: FakeCall[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private accepted: number[] = [];

  constructor(
    private readonly clock: ManualClock,
    private readonly options: { latencyMs?: number; rateLimit?: number } = {},
  ) {}

  add: AddCall = (usernames) =>
    this.handle('add', usernames, () => {
      const outsiders = usernames.filter((name) => !this.group.has(name));
      if (outsiders.length > 0) {
        const description = `users [${outsiders.join(', ')}] are not members of this group!`;
        throw new ApiError('adding thread members', 403, 'forbidden_op', description);
      }
      const members = usernames.filter((name) => this.members.has(name));
      if (members.length > 0 && this.repeatedJoin !== 'ok') {
        const description =
          this.repeatedJoin === 'named'
            ? `users [${members.join(', ')}] are already members of this thread!`
            : 'already exists';
        throw new ApiError('adding thread members', 403, 'forbidden_op', description);
      }
      if (usernames.some((name) => this.atThreadLimit.has(name) && !this.members.has(name))) {
        throw new ApiError('adding thread members', 403, 'group_error', 'user join thread reach limit.');
      }
      for (const name of usernames) this.members.add(name);
    });

  remove: RemoveCall = (usernames) =>
    this.handle('remove', usernames, (): RemovalAnswer[] =>
      usernames.map((user) => ({ user, removed: this.members.delete(user) })),
    );

  /** Largest number of calls started in any window of `windowMs`. */
  maxCallsInWindow(windowMs = 1000): number {
    const starts = this.calls.map((call) => call.startedAt);
    let best = 0;
    for (let i = 0, j = 0; j < starts.length; j++) {
      while ((starts[i] ?? 0) <= (starts[j] ?? 0) - windowMs) i++;
      best = Math.max(best, j - i + 1);
    }
    return best;
  }

  private async handle<T>(kind: 'add' | 'remove', usernames: readonly string[], apply: () => T): Promise<T> {
    const call: FakeCall = { kind, usernames: [...usernames], startedAt: this.clock.now(), status: 200 };
    this.calls.push(call);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await this.clock.sleep(this.options.latencyMs ?? 50);
      return this.respond(usernames, apply);
    } catch (error) {
      call.status = error instanceof ApiError ? error.status : -1;
      throw error;
    } finally {
      this.inFlight -= 1;
    }
  }

  private respond<T>(usernames: readonly string[], apply: () => T): T {
    const endpoint = 'thread members';
    const fault = this.nextFault(usernames);
    if (fault === 'rate-limit' || !this.withinRateLimit()) {
      throw new ApiError(endpoint, 429, 'reach_limit', 'This request has reached api limit');
    }
    if (fault === 'before-503') throw new ApiError(endpoint, 503, null, 'Service Unavailable');
    if (fault === 'before-500')
      throw new ApiError(endpoint, 500, 'internal_server_error', 'Internal Server Error');
    if (fault === 'no-thread') throw new ApiError(endpoint, 404, 'group_error', 'thread not found.');
    const result = apply();
    if (fault === 'after-500')
      throw new ApiError(endpoint, 500, 'internal_server_error', 'Internal Server Error');
    if (fault === 'after-drop')
      throw new ApiError(endpoint, 502, 'bad_gateway', 'Could not reach the Chat API.');
    return result;
  }

  private nextFault(usernames: readonly string[]): FakeFault | undefined {
    for (const name of usernames) {
      const fault = this.faultsByUser.get(name)?.shift();
      if (fault) return fault;
    }
    return undefined;
  }

  /** The API's rule: at most N accepted calls in any one second; a refused call costs nothing. */
  private withinRateLimit(): boolean {
    const limit = this.options.rateLimit;
    if (limit === undefined) return true;
    const now = this.clock.now();
    this.accepted = this.accepted.filter((at) => at > now - 1000);
    if (this.accepted.length >= limit) return false;
    this.accepted.push(now);
    return true;
  }
}

/** `user001` … in order: names that sort and read well in failures. */
export function fakeUsers(count: number, prefix = 'user'): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);
}
