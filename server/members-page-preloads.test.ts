import { describe, expect, it } from 'vitest';
import { pageSizeFromParam } from '../src/lib/members-page-address.ts';
import { membersPagePreloadUrls } from './members-page-preloads.ts';

const urlsFor = (target: string): string[] => membersPagePreloadUrls(new URL(`http://localhost${target}`));

describe('members page preloads', () => {
  it('names the first member page and the thread details, with the default page size', () => {
    expect(urlsFor('/threads/180000000100001')).toEqual([
      '/api/chat/thread/180000000100001/users?limit=50',
      '/api/chat/thread/180000000100001',
      '/api/session',
    ]);
  });

  it('accepts a trailing slash and ids made of letters, digits, "_" and "-"', () => {
    expect(urlsFor('/threads/aZ_9-x/')[1]).toBe('/api/chat/thread/aZ_9-x');
    expect(urlsFor(`/threads/${'a'.repeat(64)}`)).toHaveLength(3);
  });

  it('uses ?limit= when it is an integer from 1 to 50, ignoring ?q=', () => {
    expect(urlsFor('/threads/t1?limit=1')[0]).toBe('/api/chat/thread/t1/users?limit=1');
    expect(urlsFor('/threads/t1?q=bob&limit=20')[0]).toBe('/api/chat/thread/t1/users?limit=20');
    expect(urlsFor('/threads/t1?limit=50')[0]).toBe('/api/chat/thread/t1/users?limit=50');
  });

  it('falls back to 50 for any other limit', () => {
    for (const limit of ['0', '51', '100', '-5', '5.0', '05', '+5', '1e1', ' 5', 'abc', '', '%35']) {
      expect(pageSizeFromParam(limit), limit).toBe(50);
    }
    expect(urlsFor('/threads/t1?limit=999')[0]).toBe('/api/chat/thread/t1/users?limit=50');
  });

  it('gives no hint for other paths or ids that are not plain', () => {
    for (const target of [
      '/',
      '/threads',
      '/threads/',
      '/threads/t1/members',
      '/threads/t1//',
      '/users/t1',
      `/threads/${'a'.repeat(65)}`,
      '/threads/a%22b',
      '/threads/a%3Cscript%3E',
      '/threads/a.b',
      '/threads/%E2%9C%93',
      '/api/threads/t1',
    ]) {
      expect(urlsFor(target), target).toEqual([]);
    }
  });
});
