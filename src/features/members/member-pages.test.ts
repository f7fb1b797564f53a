import { describe, expect, it } from 'vitest';
import { pageSizeFromParam } from '../../lib/members-page-address.ts';
import { cursorAfter, filterMembers } from './member-pages.ts';

describe('cursorAfter', () => {
  it('continues after a full page with a cursor', () => {
    expect(cursorAfter({ members: ['a', 'b'], fetchedCount: 2, cursor: 'next' }, 2)).toBe('next');
  });
  it('judges a page by what the API returned, not by what is left after removals', () => {
    expect(cursorAfter({ members: ['b'], fetchedCount: 2, cursor: 'next' }, 2)).toBe('next');
  });
  it('ends on an empty page, a missing cursor, or a short page', () => {
    expect(cursorAfter({ members: [], fetchedCount: 0, cursor: 'next' }, 2)).toBeUndefined();
    expect(cursorAfter({ members: ['a', 'b'], fetchedCount: 2, cursor: null }, 2)).toBeUndefined();
    expect(cursorAfter({ members: ['a'], fetchedCount: 1, cursor: 'next' }, 2)).toBeUndefined();
  });
});

describe('filterMembers', () => {
  const members = ['alice', 'Bob', 'user000001', 'malice'];
  it('returns null without a filter, so nothing is copied', () => {
    expect(filterMembers(members, '')).toBeNull();
    expect(filterMembers(members, '   ')).toBeNull();
  });
  it('matches a part of the username, ignoring case and surrounding spaces, keeping join positions', () => {
    expect(filterMembers(members, ' ALI ')).toEqual([0, 3]);
    expect(filterMembers(members, 'bob')).toEqual([1]);
    expect(filterMembers(members, 'nobody')).toEqual([]);
  });
});

describe('pageSizeFromParam', () => {
  it('takes a canonical integer from 1 to 50 and otherwise the default', () => {
    expect(pageSizeFromParam('1')).toBe(1);
    expect(pageSizeFromParam('50')).toBe(50);
    for (const bad of [null, '', '0', '51', '07', '7.0', '-3', 'ten'])
      expect(pageSizeFromParam(bad)).toBe(50);
  });
});
