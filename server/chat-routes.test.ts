import { describe, expect, it } from 'vitest';
import { matchChatRoute } from './chat-routes.ts';

describe('matchChatRoute', () => {
  it.each([
    ['GET', 'thread/1234567890/users', 'thread/1234567890/users'],
    ['POST', 'thread/1234567890/users', 'thread/1234567890/users'],
    ['DELETE', 'thread/1234567890/users', 'thread/1234567890/users'],
    ['DELETE', 'threads/1234567890/users', 'threads/1234567890/users'],
    ['GET', 'thread', 'thread'],
    ['GET', 'thread/1234567890', 'thread/1234567890'],
    ['GET', 'threads/user/alice.b-c_d', 'threads/user/alice.b-c_d'],
    ['GET', 'threads/chatgroups/g_1/user/alice', 'threads/chatgroups/g_1/user/alice'],
    ['GET', 'chatgroups/g_1/user/alice/is_joined', 'chatgroups/g_1/user/alice/is_joined'],
  ])('allows %s %s', (method, target, path) => {
    expect(matchChatRoute(method, target)).toMatchObject({ ok: true, path });
  });

  it.each([
    ['POST', 'thread'], // 4: create thread
    ['PUT', 'thread/123'], // 5: rename thread
    ['DELETE', 'thread/123'], // 6: delete thread
    ['PATCH', 'thread/123/users'],
    ['GET', 'chatgroups/g_1/users'],
    ['DELETE', 'chatgroups/g_1/user/alice/is_joined'],
    ['GET', 'threads/123/users'],
    ['GET', ''],
    ['GET', 'thread/'],
    ['GET', 'thread//users'],
    ['GET', 'thread/123/users/'],
    ['GET', 'thread/../_emulator/reset'],
    ['GET', 'thread/./123'],
    ['GET', 'thread/%2e%2e/users'],
    ['GET', 'thread/a%2fb/users'],
    ['GET', 'thread/a%252fb/users'],
    ['GET', 'thread/a\\b/users'],
    ['GET', 'threads/user/..'],
    ['GET', 'threads/user/.'],
    ['GET', 'threads/user/al ice'],
    ['GET', `thread/${'1'.repeat(65)}`],
    ['GET', 'thread/12.3'],
    ['GET', '/evil.example/thread'],
    ['GET', 'http://evil.example/thread'],
    ['POST', '_emulator/reset'],
    ['GET', 'users'],
  ])('refuses %s %j', (method, target) => {
    expect(matchChatRoute(method, target)).toEqual({ ok: false, reason: 'not-allowed' });
  });

  it('forwards only the allowed query parameters, re-encoded', () => {
    expect(matchChatRoute('GET', 'thread/1/users?limit=20&cursor=abc-_%3D&sort=asc&token=x')).toEqual({
      ok: true,
      path: 'thread/1/users',
      query: 'limit=20&cursor=abc-_%3D',
      body: false,
    });
    expect(matchChatRoute('GET', 'threads/user/bob?sort=desc&evil=%2F..')).toMatchObject({
      query: 'sort=desc',
    });
    expect(matchChatRoute('GET', 'thread/1?limit=5')).toMatchObject({ query: '' });
  });

  it.each([
    ['thread?limit=ten', 'limit'],
    ['thread?limit=-1', 'limit'],
    ['thread?sort=up', 'sort'],
    ['thread?cursor=a/b', 'cursor'],
    ['thread?limit=1&limit=2', 'limit'],
  ])('rejects malformed query %j', (target, parameter) => {
    expect(matchChatRoute('GET', target)).toEqual({ ok: false, reason: 'bad-query', parameter });
  });
});
