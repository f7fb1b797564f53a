import { describe, expect, it } from 'vitest';
import { judgePass, mergeInJoinOrder } from './export-check.ts';

const nothingKnown = { removals: false, last: new Map<string, 'added' | 'removed'>() };

describe('an export walk judged against the member count', () => {
  it('merges two walks in join order, each member once', () => {
    // The first walk skipped c (a member before it left the page); the second skipped e.
    expect(mergeInJoinOrder(['a', 'b', 'd', 'e', 'f'], ['a', 'b', 'c', 'd', 'f', 'g'])).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
    ]);
    expect(mergeInJoinOrder([], ['a', 'b'])).toEqual(['a', 'b']);
    expect(mergeInJoinOrder(['a', 'b'], [])).toEqual(['a', 'b']);
  });

  it('takes a walk as it is when nobody left during it and the count held', () => {
    const verdict = judgePass({
      previous: ['gone', 'a'],
      walked: ['a', 'b'],
      countAtStart: 2,
      countAtEnd: 2,
      sinceExport: nothingKnown,
      removalDuringWalk: false,
    });
    expect(verdict).toEqual({ file: ['a', 'b'], exact: true });
  });

  it('does not trust a count that held while members left and others joined', () => {
    const verdict = judgePass({
      previous: [],
      walked: ['a', 'left', 'c', 'new'],
      countAtStart: 4,
      countAtEnd: 4,
      sinceExport: { removals: true, last: new Map([['left', 'removed']]) },
      removalDuringWalk: true,
    });
    // `b` was skipped when `left` went: three in the file, four in the thread, so another walk follows.
    expect(verdict).toEqual({ file: ['a', 'c', 'new'], exact: false });
  });

  it('is not exact while the count moves', () => {
    const verdict = judgePass({
      previous: [],
      walked: ['a', 'b'],
      countAtStart: 3,
      countAtEnd: 2,
      sinceExport: nothingKnown,
      removalDuringWalk: false,
    });
    expect(verdict.exact).toBe(false);
  });
});
