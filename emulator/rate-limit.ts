// Sliding one-second window per endpoint: at most `limit` accepted calls in any 1000 ms.

export class SlidingWindowLimiter {
  private readonly windows = new Map<string, number[]>();

  /** Records the call and returns true when it fits; a rejected call is not recorded, so it costs no budget. */
  tryAcquire(key: string, nowMs: number, limit: number | null): boolean {
    if (limit === null) return true;
    let stamps = this.windows.get(key);
    if (!stamps) {
      stamps = [];
      this.windows.set(key, stamps);
    }
    // Stamps are appended in clock order, so the expired ones sit at the front.
    let expired = 0;
    while (expired < stamps.length && (stamps[expired] ?? 0) <= nowMs - 1000) expired++;
    if (expired > 0) stamps.splice(0, expired);
    if (stamps.length >= limit) return false;
    stamps.push(nowMs);
    return true;
  }

  reset(): void {
    this.windows.clear();
  }
}
