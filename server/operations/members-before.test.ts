// Which way an add learns who is a member already: the quicker at the API's pace, not merely the fewer calls.
import { describe, expect, it } from 'vitest';
import { quickerByUsers } from './members-before.ts';

const at = (latencyMs: number) => ({ latencyMs, callsPerSecond: 100 });

describe('quickerByUsers', () => {
  it('reads a thread of one page from its first page, which is on its way already', () => {
    expect(quickerByUsers(40, 1, at(500))).toBe(false);
  });

  it("asks few users' threads rather than read a long list page after page", () => {
    expect(quickerByUsers(1_200, 5, at(50))).toBe(true);
  });

  it("asks 10,000 users' threads (100 s at the budget) rather than read 2,001 pages at 500 ms each", () => {
    expect(quickerByUsers(100_000, 10_000, at(500))).toBe(true);
    // Fewer calls by the list, but each waits for the one before.
    expect(quickerByUsers(100_000, 10_000)).toBe(false);
  });

  it('reads a list of 25 pages rather than ask 10,000 users, even at 2 s a page', () => {
    expect(quickerByUsers(1_200, 10_000, at(2_000))).toBe(false);
  });

  it("asks the users when the thread's count is unknown", () => {
    expect(quickerByUsers(null, 10_000, at(50))).toBe(true);
  });
});
