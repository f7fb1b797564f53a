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

  it('accepts a trailing slash and ids of up to 64 digits', () => {
    expect(urlsFor('/threads/180000000100001/')[1]).toBe('/api/chat/thread/180000000100001');
    expect(urlsFor(`/threads/${'9'.repeat(64)}`)).toHaveLength(3);
  });

  it('uses ?limit= when it is an integer from 1 to 50, ignoring ?q=', () => {
    expect(urlsFor('/threads/71?limit=1')[0]).toBe('/api/chat/thread/71/users?limit=1');
    expect(urlsFor('/threads/71?q=bob&limit=20')[0]).toBe('/api/chat/thread/71/users?limit=20');
    expect(urlsFor('/threads/71?limit=50')[0]).toBe('/api/chat/thread/71/users?limit=50');
  });

  it('falls back to 50 for any other limit', () => {
    for (const limit of ['0', '51', '100', '-5', '5.0', '05', '+5', '1e1', ' 5', 'abc', '', '%35']) {
      expect(pageSizeFromParam(limit), limit).toBe(50);
    }
    expect(urlsFor('/threads/71?limit=999')[0]).toBe('/api/chat/thread/71/users?limit=50');
  });

  it('gives no hint for other paths or ids that are not thread ids', () => {
    for (const target of [
      '/',
      '/threads',
      '/threads/',
      '/threads/t1/members',
      '/threads/t1//',
      '/users/t1',
      `/threads/${'9'.repeat(65)}`,
      '/threads/aZ_9-x',
      '/threads/-71',
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
