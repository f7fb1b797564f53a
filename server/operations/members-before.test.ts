// Which way an add learns who is a member already: the quicker at the API's pace, not merely the fewer calls.
import { describe, expect, it } from 'vitest';
import type { ChatCalls } from './chat-calls.ts';
import { membersAmong, quickerByUsers, type CheckProgress } from './members-before.ts';

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

describe('membersAmong', () => {
  it('tells how many members of the list it has read, page after page', async () => {
    const list = Array.from({ length: 120 }, (_, n) => `member${String(n)}`);
    const calls = {
      membersPage: (_threadId: string, cursor: string | null) => {
        const from = Number(cursor ?? 0);
        const next = from + 50 < list.length ? String(from + 50) : null;
        return Promise.resolve({ members: list.slice(from, from + 50), cursor: next });
      },
    } as unknown as ChatCalls;
    const told: CheckProgress[] = [];
    const members = await membersAmong(
      calls,
      't1',
      list.length,
      ['member7', 'member110', 'ann', 'bob', 'cy'],
      {
        signal: new AbortController().signal,
        check: { now: () => 0, removalSince: () => false },
        onProgress: (progress) => told.push(progress),
      },
    );
    expect(members).toEqual(new Set(['member7', 'member110']));
    expect(told).toEqual([50, 100, 120].map((done) => ({ done, of: 120, unit: 'members' })));
  });
});
