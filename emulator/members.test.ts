// Endpoints 1–3 over HTTP: shapes, paging and cursors, atomic add, per-user remove, and their errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_THREAD_SIZES, DEMO_THREADS, DEMO_USERS, demoUsername } from './demo-data.ts';
import {
  SEED_EXAMPLES,
  createTestApi,
  cursorOf,
  expectChatError,
  expectSameShape,
  membersOf,
} from './test-support.ts';
import type { TestApi } from './test-support.ts';

let api: TestApi;
beforeAll(() => {
  api = createTestApi({ rateLimit: null });
});
afterAll(() => api.emulator.close());

const membersPath = (id: string) => `/thread/${id}/users`;

async function walkMembers(threadId: string, limit: number, between?: (page: number) => Promise<void>) {
  const seen: string[] = [];
  let cursor = '';
  for (let page = 0; page < 1000; page++) {
    const response = await api.call('GET', membersPath(threadId), {
      query: { limit: String(limit), cursor },
    });
    expect(response.status).toBe(200);
    const members = membersOf(response);
    seen.push(...members);
    const next = cursorOf(response);
    if (members.length === 0 || !next) return seen;
    cursor = next;
    await between?.(page);
  }
  throw new Error('paging did not end');
}

describe('GET members (1)', () => {
  it('answers in the shape of the documented example, with every envelope field', async () => {
    const response = await api.call('GET', membersPath(DEMO_THREADS.small), { query: { limit: '5' } });
    expect(response.status).toBe(200);
    expectSameShape(response.json, SEED_EXAMPLES.listMembers);
    expect(response.json).toMatchObject({
      action: 'get',
      organization: 'demo',
      applicationName: 'moderation',
      uri: `http://chat.test/demo/moderation/thread/${DEMO_THREADS.small}/users`,
      path: `/thread/${DEMO_THREADS.small}/users`,
    });
    expect(typeof response.json?.application).toBe('string');
    expect(membersOf(response)).toHaveLength(5);
    // Shaped like the real cursors: base64url of `<hash>:im:thread:<org>#<app>:<position>`.
    const decoded = Buffer.from(cursorOf(response) ?? '', 'base64url').toString();
    expect(decoded).toMatch(/^[0-9a-f]{32}:im:thread:demo#moderation:\d+$/);
  });

  it('pages through the 1,200-member thread: every member once, in join order, cursor on the short last page', async () => {
    const expected = api.emulator.store.listThreadMembers(DEMO_THREADS.large);
    expect(expected).toHaveLength(DEMO_THREAD_SIZES.large);
    const pageSizes: number[] = [];
    let cursor = '';
    const seen: string[] = [];
    for (;;) {
      const response = await api.call('GET', membersPath(DEMO_THREADS.large), {
        query: { limit: '50', cursor },
      });
      const members = membersOf(response);
      pageSizes.push(members.length);
      seen.push(...members);
      if (members.length === 0) {
        expect(cursorOf(response)).toBeUndefined();
        break;
      }
      expect(cursorOf(response)).toBeTruthy();
      cursor = cursorOf(response) ?? '';
    }
    expect(seen).toEqual(expected);
    expect(pageSizes).toEqual([...Array<number>(24).fill(50), 0]);
  });

  it('keeps cursors valid when members before and after the cursor leave or join mid-walk', async () => {
    const threadId = DEMO_THREADS.large;
    const before = api.emulator.store.listThreadMembers(threadId);
    const removedEarly = before[10] ?? '';
    const removedLate = before[1000] ?? '';
    const newcomer = demoUsername(145_000); // in the group, in no thread
    const seen = await walkMembers(threadId, 50, async (page) => {
      if (page !== 3) return;
      const removal = await api.call('DELETE', membersPath(threadId), {
        body: { usernames: [removedEarly, removedLate] },
      });
      expect(removal.status).toBe(200);
      const add = await api.call('POST', membersPath(threadId), { body: { usernames: [newcomer] } });
      expect(add.status).toBe(200);
    });
    // The early member was already listed; the late one leaves before it is reached; the newcomer joins at the end.
    const expected = [...before.filter((name) => name !== removedLate), newcomer];
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
    // Restore for other tests.
    await api.call('POST', membersPath(threadId), { body: { usernames: [removedEarly, removedLate] } });
    await api.call('DELETE', membersPath(threadId), { body: { usernames: [newcomer] } });
  });

  it('lists an empty thread as an empty page without a cursor', async () => {
    const response = await api.call('GET', membersPath(DEMO_THREADS.empty));
    expect(response.status).toBe(200);
    expect(membersOf(response)).toEqual([]);
    expect(response.json?.properties).toEqual({});
  });

  it('defaults to 50 per page and serves the 100,000-member thread', async () => {
    const response = await api.call('GET', membersPath(DEMO_THREADS.huge));
    expect(membersOf(response)).toHaveLength(50);
    expect(membersOf(response)[0]).toBe(DEMO_USERS.moderator);
    expect(membersOf(response)[1]).toBe('user000001');
  });

  it('leaves the cursor off the last page when cursorOnLastPage is false', async () => {
    api.emulator.setFaults({ cursorOnLastPage: false });
    try {
      const first = await api.call('GET', membersPath(DEMO_THREADS.small), { query: { limit: '30' } });
      expect(cursorOf(first)).toBeTruthy();
      const last = await api.call('GET', membersPath(DEMO_THREADS.small), {
        query: { limit: '30', cursor: cursorOf(first) ?? '' },
      });
      expect(membersOf(last)).toHaveLength(DEMO_THREAD_SIZES.small - 30);
      expect(cursorOf(last)).toBeUndefined();
      const exact = await api.call('GET', membersPath(DEMO_THREADS.small), { query: { limit: '40' } });
      expect(membersOf(exact)).toHaveLength(40);
      expect(cursorOf(exact)).toBeUndefined();
    } finally {
      api.emulator.setFaults({ cursorOnLastPage: true });
    }
  });

  it.each([
    ['51', 'group_error', 'query param reaches limit.'],
    ['0', 'illegal_argument', 'This is an invalid request.'],
    ['-3', 'illegal_argument', 'This is an invalid request.'],
    ['ten', 'illegal_argument', 'This is an invalid request.'],
  ])('refuses limit=%s', async (limit, error, description) => {
    const response = await api.call('GET', membersPath(DEMO_THREADS.small), { query: { limit } });
    expectChatError(response, 400, error, description);
  });

  it('refuses a cursor that does not decode or belongs to another thread', async () => {
    const other = await api.call('GET', membersPath(DEMO_THREADS.huge), { query: { limit: '1' } });
    for (const cursor of ['not a cursor!', 'Zm9vOmJhcg', cursorOf(other) ?? '']) {
      const response = await api.call('GET', membersPath(DEMO_THREADS.small), { query: { cursor } });
      expectChatError(response, 400, 'illegal_argument', 'This is an invalid request.');
    }
  });

  it('answers 404 thread not found for an unknown thread', async () => {
    const response = await api.call('GET', membersPath('999999999999999'));
    expectChatError(response, 404, 'group_error', 'thread not found.');
  });
});

describe('POST members (2)', () => {
  it('adds members (case-insensitively) in the documented shape; re-adding is a no-op', async () => {
    const threadId = DEMO_THREADS.rtl;
    const response = await api.call('POST', membersPath(threadId), {
      body: { usernames: ['BOB', 'user140001'] },
    });
    expect(response.status).toBe(200);
    expectSameShape(response.json, SEED_EXAMPLES.addMembers);
    expect(response.json?.data).toEqual({ status: 'ok' });
    const members = api.emulator.store.listThreadMembers(threadId);
    expect(members.slice(-2)).toEqual(['bob', 'user140001']);
    const again = await api.call('POST', membersPath(threadId), { body: { usernames: ['bob'] } });
    expect(again.status).toBe(200);
    expect(api.emulator.store.listThreadMembers(threadId)).toEqual(members);
  });

  it('applies nothing when any user is outside the group or unknown, naming them in order, lower-cased', async () => {
    const threadId = DEMO_THREADS.markup;
    const before = api.emulator.store.listThreadMembers(threadId);
    const response = await api.call('POST', membersPath(threadId), {
      body: { usernames: ['user140002', 'Nobody-Here', DEMO_USERS.outsider] },
    });
    expectChatError(
      response,
      403,
      'forbidden_op',
      'users [nobody-here, outsider] are not members of this group!',
    );
    expect(api.emulator.store.listThreadMembers(threadId)).toEqual(before);
  });

  it('refuses more than 10 usernames and malformed bodies', async () => {
    const path = membersPath(DEMO_THREADS.small);
    const eleven = Array.from({ length: 11 }, (_, i) => demoUsername(140_010 + i));
    expectChatError(
      await api.call('POST', path, { body: { usernames: eleven } }),
      400,
      'group_error',
      'request body reaches limit.',
    );
    expectChatError(
      await api.call('POST', path, {
        rawBody: '{"usernames": [',
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'json_parse',
      'Unexpected character.',
    );
    for (const body of [
      {},
      { usernames: [] },
      { usernames: 'alice' },
      { usernames: [1] },
      [],
      { usernames: [''] },
    ]) {
      expectChatError(
        await api.call('POST', path, { body }),
        400,
        'illegal_argument',
        'This is an invalid request.',
      );
    }
  });

  it('answers 415 without a JSON content type and 413 over 5 KB', async () => {
    const path = membersPath(DEMO_THREADS.small);
    const plain = await api.call('POST', path, {
      rawBody: JSON.stringify({ usernames: ['alice'] }),
      headers: { 'content-type': 'text/plain' },
    });
    expectChatError(plain, 415, 'web_application', 'Unsupported Media Type');
    const missing = await api.call('POST', path, { rawBody: JSON.stringify({ usernames: ['alice'] }) });
    expect(missing.status).toBe(415);
    const big = await api.call('POST', path, { body: { usernames: ['alice'], padding: 'x'.repeat(6000) } });
    expect(big.status).toBe(413);
    expect(big.text).toContain('413 Request Entity Too Large');
  });

  it('answers 404 for an unknown thread', async () => {
    const response = await api.call('POST', membersPath('123'), { body: { usernames: ['alice'] } });
    expectChatError(response, 404, 'group_error', 'thread not found.');
  });

  it('refuses a user who would exceed the joined-thread limit, applying nothing', async () => {
    const local = createTestApi({ maxThreadsPerUser: 54, rateLimit: null });
    try {
      // spammer is in 54 threads of the seed.
      const threadId = DEMO_THREADS.small;
      const response = await local.call('POST', membersPath(threadId), {
        body: { usernames: ['user140003', DEMO_USERS.spammer] },
      });
      expectChatError(response, 403, 'group_error', 'user join thread reach limit.');
      expect(local.emulator.store.isThreadMember(threadId, 'user140003')).toBe(false);
    } finally {
      local.emulator.close();
    }
  });
});

describe('DELETE members (3)', () => {
  it('answers per user in request order, under both the singular and the plural path', async () => {
    const threadId = DEMO_THREADS.accented;
    const members = api.emulator.store.listThreadMembers(threadId);
    const target = members[2] ?? '';
    const response = await api.call('DELETE', membersPath(threadId), {
      body: { usernames: ['ghost', target.toUpperCase(), target] },
    });
    expect(response.status).toBe(200);
    expectSameShape(response.json, SEED_EXAMPLES.removeMembers);
    expect(response.json?.entities).toEqual([
      { result: false, user: 'ghost' },
      { result: true, user: target },
      { result: false, user: target },
    ]);
    const plural = await api.call('DELETE', `/threads/${threadId}/users`, {
      body: { usernames: [members[3]] },
    });
    expect(plural.json?.entities).toEqual([{ result: true, user: members[3] }]);
    expect(api.emulator.store.listThreadMembers(threadId)).toEqual(
      members.slice(0, 2).concat(members.slice(4)),
    );
    const detail = await api.call('GET', `/thread/${threadId}`);
    expect((detail.json?.data as { affiliations_count: number }).affiliations_count).toBe(members.length - 2);
  });

  it('validates like add', async () => {
    const path = membersPath(DEMO_THREADS.small);
    expectChatError(await api.call('DELETE', path), 400, 'illegal_argument', 'This is an invalid request.');
    expectChatError(
      await api.call('DELETE', path, { rawBody: '{"usernames":["a"]}' }),
      415,
      'web_application',
      'Unsupported Media Type',
    );
    const twelve = Array.from({ length: 12 }, (_, i) => demoUsername(i + 1));
    expectChatError(
      await api.call('DELETE', path, { body: { usernames: twelve } }),
      400,
      'group_error',
      'request body reaches limit.',
    );
    expectChatError(
      await api.call('DELETE', membersPath('1'), { body: { usernames: ['a'] } }),
      404,
      'group_error',
      'thread not found.',
    );
  });
});
