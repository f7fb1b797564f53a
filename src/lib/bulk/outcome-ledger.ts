// The per-user results of one bulk operation, with counts kept as they change and an event per settled batch.
import { PENDING, emptyCounts, type BatchSettled, type OutcomeStatus, type UserOutcome } from './outcomes.ts';

export class OutcomeLedger {
  /** In the input order; one shared object per plain outcome (see outcomes.ts). */
  readonly outcomes = new Map<string, UserOutcome>();
  private readonly tally = emptyCounts();
  private readonly listeners = new Set<(event: BatchSettled) => void>();

  constructor(
    private readonly kind: BatchSettled['kind'],
    usernames: readonly string[],
  ) {
    for (const username of usernames) this.outcomes.set(username, PENDING);
    this.tally.pending = this.outcomes.size;
  }

  counts(): Readonly<Record<OutcomeStatus, number>> {
    return { ...this.tally };
  }

  /** Users whose outcome is one of `statuses`, in the input order. */
  usersWith(statuses: readonly OutcomeStatus[]): string[] {
    return [...this.outcomes].flatMap(([username, outcome]) =>
      statuses.includes(outcome.status) ? [username] : [],
    );
  }

  /** Puts users back to pending for another run; no event, since nothing happened to them. */
  reopen(usernames: readonly string[]): void {
    for (const username of usernames) this.set(username, PENDING);
  }

  /** Records final outcomes and tells listeners. */
  settle(results: readonly [string, UserOutcome][]): void {
    if (results.length === 0) return;
    for (const [username, outcome] of results) this.set(username, outcome);
    const event: BatchSettled = {
      kind: this.kind,
      results: results.map(([username, outcome]) => ({ username, outcome })),
    };
    for (const listener of this.listeners) listener(event);
  }

  onSettled(listener: (event: BatchSettled) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(username: string, outcome: UserOutcome): void {
    const previous = this.outcomes.get(username);
    if (previous !== undefined) this.tally[previous.status] -= 1;
    this.tally[outcome.status] += 1;
    this.outcomes.set(username, outcome);
  }
}
