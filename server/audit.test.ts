// The proxy records every forwarded add and remove call, with each user's outcome, before it answers;
// /api/activity reads the record back.
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_THREADS, DEMO_USERS } from '../emulator/demo-data.ts';
import { readCsv } from '../src/lib/csv-file.ts';
import type { ActivityEntry, ActivityUser } from './audit-store.ts';
import { expectNoSecretsLeaked, harnessPool, type Harness } from './test-harness.ts';

const { harnessWith, closeAll } = harnessPool();
afterAll(() => {
  closeAll();
  expectNoSecretsLeaked();
});

const thread = DEMO_THREADS.small;
const membersPath = `/api/chat/thread/${thread}/users`;

function change(method: 'POST' | 'DELETE', usernames: string[], operationId?: string): RequestInit {
  return {
    method,
    headers: {
      'content-type': 'application/json',
      ...(operationId === undefined ? {} : { 'x-operation-id': operationId }),
    },
    body: JSON.stringify({ usernames }),
  };
}

async function entries(harness: Harness, query = ''): Promise<ActivityEntry[]> {
  const response = await harness.call(`/api/activity${query}`);
  expect(response.status).toBe(200);
  return (response.json as { entries: ActivityEntry[] }).entries;
}

async function usersOf(harness: Harness, entryId: number): Promise<[string, string, number | null][]> {
  const response = await harness.call(`/api/activity/${entryId}`);
  return (response.json as { users: ActivityUser[] }).users.map((user) => [
    user.username,
    user.outcome,
    user.upstreamStatus,
  ]);
}

describe('audit log of member changes', () => {
  it('records an add and a remove with the actor, role, thread, request id and per-user outcome', async () => {
    const harness = harnessWith();
    const added = await harness.call(membersPath, change('POST', [DEMO_USERS.lurker]));
    // Recorded before the answer returned: the record is there as soon as the response is.
    const [addEntry] = harness.audit.list({}, 1).entries;
    expect(addEntry).toMatchObject({ action: 'add', threadId: thread, actor: 'local', role: 'moderator' });
    const removed = await harness.call(
      membersPath,
      change('DELETE', [DEMO_USERS.lurker, DEMO_USERS.outsider]),
    );
    expect(removed.status).toBe(200);

    const [removeEntry, first] = await entries(harness);
    expect(first?.outcomes).toEqual({ added: 1 });
    expect(removeEntry).toMatchObject({
      action: 'remove',
      calls: 1,
      outcomes: { removed: 1, 'not-a-member': 1 },
    });
    expect(await usersOf(harness, removeEntry?.id ?? 0)).toEqual([
      [DEMO_USERS.lurker, 'removed', 200],
      [DEMO_USERS.outsider, 'not-a-member', 200],
    ]);
    const detail = (await harness.call(`/api/activity/${first?.id ?? 0}`)).json as { users: ActivityUser[] };
    expect(detail.users[0]?.requestId).toBe(added.headers.get('x-request-id'));
  });

  it('records a member named twice in one removal as removed, though the second answer says not a member', async () => {
    const harness = harnessWith();
    const removed = await harness.call(membersPath, change('DELETE', [DEMO_USERS.bob, 'Bob']));
    expect(removed.status).toBe(200);
    const [entry] = await entries(harness);
    expect((await usersOf(harness, entry?.id ?? 0)).map(([, outcome]) => outcome)).toEqual([
      'removed',
      'removed',
    ]);
  });

  it('says so when the audit log cannot record a change, naming what to check', async () => {
    const harness = harnessWith();
    harness.audit.close();
    const response = await harness.call(membersPath, change('POST', [DEMO_USERS.lurker]));
    expect(response.status).toBe(500);
    expect(response.json).toMatchObject({ error: 'audit_write_failed' });
    expect((response.json as { error_description: string }).error_description).toMatch(
      /which answered 200, but the audit log could not record it: check .*AUDIT_DB/,
    );
  });

  it('records a refused add as refused for every user of the call', async () => {
    const harness = harnessWith();
    const response = await harness.call(membersPath, change('POST', [DEMO_USERS.alice, DEMO_USERS.outsider]));
    expect(response.status).toBe(403);
    const [entry] = await entries(harness);
    expect(await usersOf(harness, entry?.id ?? 0)).toEqual([
      [DEMO_USERS.alice, 'refused', 403],
      [DEMO_USERS.outsider, 'refused', 403],
    ]);
  });

  it('records a lost answer and a server error as unknown, since the change may have been applied', async () => {
    const harness = harnessWith();
    harness.emulator.setFaults({ script: ['after-drop', 'before-503'] });
    expect((await harness.call(membersPath, change('POST', [DEMO_USERS.lurker]))).status).toBe(502);
    expect((await harness.call(membersPath, change('DELETE', [DEMO_USERS.bob]))).status).toBe(503);
    const [removal, addition] = await entries(harness);
    expect(await usersOf(harness, addition?.id ?? 0)).toEqual([[DEMO_USERS.lurker, 'unknown', null]]);
    expect(await usersOf(harness, removal?.id ?? 0)).toEqual([[DEMO_USERS.bob, 'unknown', 503]]);
  });

  it('records a change it refused as refused, and no call that changes no member', async () => {
    const harness = harnessWith();
    await harness.call(membersPath, { method: 'POST', body: '{"usernames":["bob"]}' });
    await harness.call(`/api/chat/thread/${thread}/../users`, change('POST', ['bob']));
    await harness.call(membersPath);
    const [refused, ...others] = await entries(harness);
    expect(others).toEqual([]);
    expect(refused).toMatchObject({ action: 'add', threadId: thread, outcomes: { refused: 1 } });
    expect(refused?.refusal).toContain('(415)');
    expect(harness.exchanges.map(({ method }) => method)).toEqual(['GET']);
  });

  it('groups the calls of one bulk operation by its operation id', async () => {
    const harness = harnessWith();
    await harness.call(membersPath, change('POST', ['user000001', 'user000002'], 'op-7'));
    await harness.call(membersPath, change('POST', ['user000003'], 'op-7'));
    await harness.call(membersPath, change('POST', ['user000004'], 'not a valid id!'));
    const [lone, operation] = await entries(harness);
    expect(lone).toMatchObject({ operationId: null, calls: 1 });
    expect(operation).toMatchObject({ operationId: 'op-7', calls: 2, outcomes: { added: 3 } });
  });

  it('filters and pages the activity, refusing malformed filters with a message', async () => {
    const harness = harnessWith();
    for (const name of ['user000001', 'user000002', 'user000003']) {
      await harness.call(membersPath, change('POST', [name]));
    }
    await harness.call(`/api/chat/thread/${DEMO_THREADS.large}/users`, change('DELETE', ['user000001']));
    expect(await entries(harness, '?username=USER000001')).toHaveLength(2);
    expect(await entries(harness, `?thread=${DEMO_THREADS.large}`)).toHaveLength(1);
    expect(await entries(harness, '?actor=someone-else')).toHaveLength(0);
    expect(await entries(harness, '?from=2000-01-01T00:00Z&to=2100-01-01T00:00Z')).toHaveLength(4);

    const first = (await harness.call('/api/activity?limit=3')).json as { nextCursor: number };
    const rest = await entries(harness, `?limit=3&before=${first.nextCursor}`);
    expect(rest).toHaveLength(1);

    const bad = await harness.call('/api/activity?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error_description: expect.stringContaining('"from"') as unknown });
    const backwards = await harness.call('/api/activity?from=2026-11-30T10:00Z&to=2026-11-30T09:00Z');
    expect(backwards.status).toBe(400);
    expect(backwards.json).toMatchObject({
      error_description: expect.stringContaining('"From" is after "To"') as unknown,
    });
    const spaced = await harness.call('/api/activity?username=ann%20lee');
    expect(spaced.json).toMatchObject({ error_description: expect.stringContaining('no spaces') as unknown });
    expect((await harness.call('/api/activity/12345')).status).toBe(404);
  });
});

describe('activity CSV export', () => {
  it('writes every matching per-user row, newest first, with formula-like cells neutralised', async () => {
    const harness = harnessWith();
    await harness.call(membersPath, change('POST', ['user000001', '-user000002'], 'op-1'));
    await harness.call(membersPath, change('DELETE', ['user000001']));
    const response = await harness.call('/api/activity/export.csv');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.text.split('\r\n')[0]).toBe(
      'time,actor,role,thread_id,action,username,outcome,upstream_status,request_id,operation_id,refused_because',
    );
    const { records } = await readCsv(response.text);
    expect(records.slice(1).map((record) => record.slice(1, 8))).toEqual([
      // The add was refused as a whole (the second user does not exist), so there was nobody to remove.
      ['local', 'moderator', thread, 'remove', 'user000001', 'not-a-member', '200'],
      ['local', 'moderator', thread, 'add', 'user000001', 'refused', '403'],
      ['local', 'moderator', thread, 'add', "'-user000002", 'refused', '403'],
    ]);
    // Decoding as text drops it; the bytes start with the byte-order mark Excel needs to read UTF-8.
    const raw = new Uint8Array(await (await harness.app.request('/api/activity/export.csv')).arrayBuffer());
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const onlyOne = await harness.call('/api/activity/export.csv?username=user000001&thread=' + thread);
    expect(onlyOne.text.trimEnd().split('\r\n')).toHaveLength(3);
    expect((await harness.call('/api/activity/export.csv?to=soon')).status).toBe(400);
  });
});
