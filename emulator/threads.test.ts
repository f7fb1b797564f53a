// Endpoints 4–10 over HTTP: create, rename, delete, list, a user's threads, detail; plus routing errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_EXTRA_THREAD_COUNT,
  DEMO_GROUP_ID,
  DEMO_LONG_THREAD_NAME,
  DEMO_MARKUP_THREAD_NAME,
  DEMO_OTHER_GROUP_ID,
  DEMO_THREADS,
  DEMO_USERS,
} from './demo-data.ts';
import { DEMO_APP_ID } from './emulator.ts';
import { createTestApi, cursorOf, expectChatError, expectSameShape } from './test-support.ts';
import type { ApiResponse, TestApi } from './test-support.ts';

let api: TestApi;
beforeAll(() => {
  api = createTestApi({ rateLimit: null });
});
afterAll(() => api.emulator.close());

const ENVELOPE = {
  action: '',
  application: '',
  applicationName: '',
  organization: '',
  uri: '',
  path: '',
  timestamp: 0,
  duration: 0,
};
const USER_THREAD = { name: '', owner: '', id: '', msgId: '', groupId: '', created: 0 };

function entitiesOf<T>(response: ApiResponse): T[] {
  return response.json?.entities as T[];
}

async function walk(path: string, query: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  let cursor = '';
  for (;;) {
    const response = await api.call('GET', path, { query: { ...query, cursor } });
    expect(response.status).toBe(200);
    const page = entitiesOf<{ id: string }>(response);
    ids.push(...page.map((t) => t.id));
    const next = cursorOf(response);
    if (page.length === 0 || !next) return ids;
    cursor = next;
  }
}

describe('create, rename, detail, delete (4, 5, 10, 6)', () => {
  it('creates a thread whose owner becomes its first member, renames it and deletes it', async () => {
    const created = await api.call('POST', '/thread', {
      body: { group_id: DEMO_GROUP_ID, name: 'Moderation drill', msg_id: '1234567890', owner: 'Alice' },
    });
    expect(created.status).toBe(200);
    expectSameShape(created.json, { ...ENVELOPE, data: { thread_id: '' } });
    const threadId = (created.json?.data as { thread_id: string }).thread_id;
    expect(threadId).toMatch(/^\d{15}$/);
    expect(api.emulator.store.listThreadMembers(threadId)).toEqual(['alice']);

    const detail = await api.call('GET', `/thread/${threadId}`);
    expect(detail.json?.data).toEqual({
      id: threadId,
      name: 'Moderation drill',
      owner: 'alice',
      created: expect.any(Number) as number,
      affiliations_count: 1,
      msgId: '1234567890',
      groupId: DEMO_GROUP_ID,
    });

    const renamed = await api.call('PUT', `/thread/${threadId}`, { body: { name: 'Drill 🚒' } });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ action: 'put', data: { name: 'Drill 🚒' } });
    expect(api.emulator.store.getThread(threadId)?.name).toBe('Drill 🚒');

    const newest = await api.call('GET', '/thread', { query: { limit: '1' } });
    expect(entitiesOf(newest)).toEqual([{ id: threadId }]);

    const deleted = await api.call('DELETE', `/thread/${threadId}`);
    expect(deleted.status).toBe(200);
    expect(deleted.json).toMatchObject({ action: 'delete', data: { status: 'ok' } });
    expect(api.emulator.store.threadExists(threadId)).toBe(false);
    expectChatError(await api.call('GET', `/thread/${threadId}`), 404, 'group_error', 'thread not found.');
    const again = await api.call('POST', '/thread', {
      body: { group_id: DEMO_GROUP_ID, name: 'Next', msg_id: '1', owner: 'alice' },
    });
    expect((again.json?.data as { thread_id: string }).thread_id).not.toBe(threadId);
  });

  it('enforces the 64-character name limit on create and rename', async () => {
    const ok = await api.call('PUT', `/thread/${DEMO_THREADS.longName}`, {
      body: { name: DEMO_LONG_THREAD_NAME },
    });
    expect(ok.status).toBe(200);
    const long = `${DEMO_LONG_THREAD_NAME}x`;
    expectChatError(
      await api.call('PUT', `/thread/${DEMO_THREADS.longName}`, { body: { name: long } }),
      400,
      'group_error',
      'thread name limit reached.',
    );
    expectChatError(
      await api.call('POST', '/thread', {
        body: { group_id: DEMO_GROUP_ID, name: long, msg_id: '1', owner: 'alice' },
      }),
      400,
      'group_error',
      'thread name limit reached.',
    );
  });

  it('refuses bad create requests', async () => {
    const valid = { group_id: DEMO_GROUP_ID, name: 'x', msg_id: '1', owner: 'alice' };
    for (const field of ['group_id', 'name', 'msg_id', 'owner'] as const) {
      const body = Object.fromEntries(Object.entries(valid).filter(([key]) => key !== field));
      expectChatError(
        await api.call('POST', '/thread', { body }),
        400,
        'illegal_argument',
        'This is an invalid request.',
      );
    }
    expectChatError(
      await api.call('POST', '/thread', { body: { ...valid, group_id: '1' } }),
      404,
      'service_resource_not_found',
      'Service resource not found',
    );
    expectChatError(
      await api.call('POST', '/thread', { body: { ...valid, owner: DEMO_USERS.outsider } }),
      403,
      'forbidden_op',
      'users [outsider] are not members of this group!',
    );
    expectChatError(
      await api.call('POST', '/thread', {
        rawBody: 'name=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
      'web_application',
      'Unsupported Media Type',
    );
  });

  it('answers 404 for renaming or deleting an unknown thread', async () => {
    expectChatError(
      await api.call('PUT', '/thread/42', { body: { name: 'x' } }),
      404,
      'group_error',
      'thread not found.',
    );
    expectChatError(await api.call('DELETE', '/thread/42'), 404, 'group_error', 'thread not found.');
  });

  it('returns names with markup and non-ASCII text unchanged', async () => {
    const markup = await api.call('GET', `/thread/${DEMO_THREADS.markup}`);
    expect((markup.json?.data as { name: string }).name).toBe(DEMO_MARKUP_THREAD_NAME);
    const chinese = await api.call('GET', `/thread/${DEMO_THREADS.chinese}`);
    expect((chinese.json?.data as { name: string }).name).toBe('产品发布计划讨论');
  });
});

describe('list threads (7)', () => {
  it('lists every thread id once, newest first by default and oldest first with sort=asc', async () => {
    const all = api.emulator.store.listThreadIds('asc');
    expect(all.length).toBeGreaterThan(DEMO_EXTRA_THREAD_COUNT);
    const first = await api.call('GET', '/thread', { query: { limit: '50' } });
    expectSameShape(first.json, { ...ENVELOPE, entities: [{ id: '' }], properties: { cursor: '' } });
    expect(Object.keys(entitiesOf<object>(first)[0] ?? {})).toEqual(['id']);
    expect(await walk('/thread', { limit: '50' })).toEqual([...all].reverse());
    expect(await walk('/thread', { limit: '37', sort: 'asc' })).toEqual(all);
  });

  it('refuses a bad sort, an over-limit page and a cursor of the other sort order', async () => {
    expectChatError(
      await api.call('GET', '/thread', { query: { sort: 'up' } }),
      400,
      'illegal_argument',
      'This is an invalid request.',
    );
    expectChatError(
      await api.call('GET', '/thread', { query: { limit: '100' } }),
      400,
      'group_error',
      'query param reaches limit.',
    );
    const desc = await api.call('GET', '/thread', { query: { limit: '2' } });
    expectChatError(
      await api.call('GET', '/thread', { query: { sort: 'asc', cursor: cursorOf(desc) ?? '' } }),
      400,
      'illegal_argument',
      'This is an invalid request.',
    );
  });
});

describe("a user's threads (8, 9)", () => {
  it("pages through the spammer's threads, by thread creation", async () => {
    const first = await api.call('GET', `/threads/user/${DEMO_USERS.spammer}`, { query: { limit: '10' } });
    expect(first.status).toBe(200);
    expectSameShape(first.json, { ...ENVELOPE, entities: [USER_THREAD], properties: { cursor: '' } });
    const ids = await walk(`/threads/user/${DEMO_USERS.spammer}`, { limit: '20', sort: 'asc' });
    expect(ids.length).toBeGreaterThanOrEqual(50);
    const order = api.emulator.store.listThreadIds('asc');
    expect(ids).toEqual(order.filter((id) => ids.includes(id)));
    expect(ids.every((id) => api.emulator.store.isThreadMember(id, DEMO_USERS.spammer))).toBe(true);
    const upper = await api.call('GET', '/threads/user/SPAMMER', { query: { limit: '1' } });
    expect(entitiesOf(upper)).toEqual(entitiesOf<unknown>(first).slice(0, 1));
  });

  it('limits endpoint 9 to one group', async () => {
    const other = await walk(`/threads/chatgroups/${DEMO_OTHER_GROUP_ID}/user/${DEMO_USERS.spammer}`, {});
    expect(other.length).toBe(3);
    expect(other).toContain(DEMO_THREADS.otherGroup);
    const main = await walk(`/threads/chatgroups/${DEMO_GROUP_ID}/user/${DEMO_USERS.spammer}`, {});
    const everywhere = await walk(`/threads/user/${DEMO_USERS.spammer}`, {});
    expect(main.length + other.length).toBe(everywhere.length);
  });

  it('answers an empty page for a user in no thread, 404 for unknown users and groups', async () => {
    const lurker = await api.call('GET', `/threads/user/${DEMO_USERS.lurker}`);
    expect(lurker.status).toBe(200);
    expect(lurker.json?.entities).toEqual([]);
    expect(lurker.json?.properties).toEqual({});
    const notFound = ['Service resource not found'] as const;
    expectChatError(
      await api.call('GET', `/threads/user/${DEMO_USERS.unknown}`),
      404,
      'service_resource_not_found',
      notFound[0],
    );
    expectChatError(
      await api.call('GET', `/threads/chatgroups/1/user/${DEMO_USERS.spammer}`),
      404,
      'service_resource_not_found',
      notFound[0],
    );
    expectChatError(
      await api.call('GET', `/threads/chatgroups/${DEMO_GROUP_ID}/user/${DEMO_USERS.unknown}`),
      404,
      'service_resource_not_found',
      notFound[0],
    );
    expectChatError(
      await api.call('GET', `/threads/user/${DEMO_USERS.spammer}`, { query: { limit: '0' } }),
      400,
      'illegal_argument',
      'This is an invalid request.',
    );
  });
});

describe('routing and the thread switch', () => {
  it('answers 404 with the error envelope for unknown paths', async () => {
    for (const [method, path] of [
      ['GET', '/chatgroups'],
      ['POST', `/thread/${DEMO_THREADS.small}/members`],
      ['GET', '/threads'],
    ] as const) {
      const response = await api.call(method, path);
      expectChatError(response, 404, 'service_resource_not_found', 'Service resource not found');
      expect(response.json?.error_code).toBe(40400);
    }
  });

  it('answers 405 for a method a known path does not serve', async () => {
    for (const [method, path] of [
      ['PATCH', `/thread/${DEMO_THREADS.small}`],
      ['PUT', `/thread/${DEMO_THREADS.small}/users`],
      ['DELETE', '/thread'],
    ] as const) {
      const response = await api.call(method, path);
      expectChatError(response, 405, 'web_application', 'HTTP 405 Method Not Allowed');
      expect(response.json?.error_code).toBe(40500);
    }
  });

  it('answers 404 organization_application_not_found for another org or app', async () => {
    for (const base of ['/demo/other', '/other/moderation']) {
      const response = await api.emulator.fetch(`http://chat.test${base}/thread`, {
        headers: { authorization: `Bearer ${api.token}` },
      });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({
        error: 'organization_application_not_found',
        error_code: 40400,
        error_description: `Could not find application for ${base.slice(1)} from URI: ${base.slice(1)}/thread`,
      });
    }
  });

  it('serves the /app-id/{appId} alias of the base path', async () => {
    const response = await api.emulator.fetch(
      `http://chat.test/app-id/${DEMO_APP_ID}/thread/${DEMO_THREADS.small}`,
      {
        headers: { authorization: `Bearer ${api.token}` },
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ path: `/thread/${DEMO_THREADS.small}` });
  });

  it('answers 403 thread not open on every endpoint while threads are switched off', async () => {
    api.emulator.setFaults({ threadsEnabled: false });
    try {
      for (const [method, path] of [
        ['GET', `/thread/${DEMO_THREADS.small}/users`],
        ['GET', '/thread'],
        ['GET', `/threads/user/${DEMO_USERS.spammer}`],
        ['GET', `/thread/${DEMO_THREADS.small}`],
      ] as const) {
        expectChatError(await api.call(method, path), 403, 'group_error', 'thread not open.');
      }
    } finally {
      api.emulator.setFaults({ threadsEnabled: true });
    }
  });
});
