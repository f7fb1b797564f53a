// A wake-up call for a loop that waits until "something changed" (a call finished, a backoff ended, cancel).

export class ChangeSignal {
  private waiters: (() => void)[] = [];

  /** Resolves at the next notify(). */
  next(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
