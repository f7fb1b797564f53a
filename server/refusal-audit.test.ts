// Changes the server refuses itself are in the audit log as refused, with who tried and why, and the log's
// chain still verifies; nothing of them reaches the Chat API.
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_THREADS, DEMO_USERS } from '../emulator/demo-data.ts';
import { readCsv } from '../src/lib/csv-file.ts';
import { MAX_REFUSED_USERNAMES } from './audit-record.ts';
import { TEST_PROXY_AUTH } from './auth-test-support.ts';
import { expectNoSecretsLeaked, harnessPool } from './test-harness.ts';

const { harnessWith, closeAll } = harnessPool();
afterAll(() => {
  closeAll();
  expectNoSecretsLeaked();
});

const thread = DEMO_THREADS.small;
const PROXY = '10.9.9.9';

function startOperation(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

describe('refused attempts in the audit log', () => {
  it("records a viewer's bulk add as refused, naming the viewer, the thread and the users", async () => {
    const harness = harnessWith({ auth: TEST_PROXY_AUTH });
    const asVic = { 'x-forwarded-email': 'vic@example.com' };
    const body = { kind: 'add', threadId: thread, usernames: [DEMO_USERS.lurker, DEMO_USERS.bob] };
    const response = await harness.call('/api/operations', startOperation(body, asVic), PROXY);
    expect(response.status).toBe(403);
    const [entry] = harness.audit.list({}, 10).entries;
    expect(entry).toMatchObject({
      actor: 'vic@example.com',
      role: 'viewer',
      action: 'add',
      threadId: thread,
      outcomes: { refused: 2 },
    });
    expect(entry?.refusal).toMatch(/^forbidden_role \(403\): Your role \(viewer\)/);
    expect(harness.exchanges).toEqual([]);
    expect(harness.audit.verify().problems).toEqual([]);
  });

  it('records a bulk operation refused for its bad names, keeping at most the first thousand', async () => {
    const harness = harnessWith();
    const usernames = Array.from({ length: MAX_REFUSED_USERNAMES + 5 }, (_, i) => `bad name ${String(i)}`);
    const response = await harness.call(
      '/api/operations',
      startOperation({ kind: 'remove', threadId: thread, usernames }),
    );
    expect(response.status).toBe(400);
    const [entry] = harness.audit.list({}, 10).entries;
    expect(entry).toMatchObject({
      actor: 'local',
      action: 'remove',
      outcomes: { refused: MAX_REFUSED_USERNAMES },
    });
    expect(entry?.refusal).toContain('illegal_argument (400): Nothing was sent');
    expect(entry?.refusal).toContain('(5 more users were named)');
  });

  it('records a change from an https page as cross-origin on the http dashboard', async () => {
    const harness = harnessWith();
    const response = await harness.call(`http://localhost/api/chat/thread/${thread}/users`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json', origin: 'https://localhost' },
      body: JSON.stringify({ usernames: [DEMO_USERS.bob] }),
    });
    expect(response.status).toBe(403);
    expect(response.json).toMatchObject({ error: 'forbidden_origin' });
    const csv = await harness.call('/api/activity/export.csv');
    const [header, row] = (await readCsv(csv.text)).records;
    const cells = Object.fromEntries((header ?? []).map((name, i) => [name.replace('\uFEFF', ''), row?.[i]]));
    expect(cells).toMatchObject({
      action: 'remove',
      username: DEMO_USERS.bob,
      outcome: 'refused',
      upstream_status: 'not sent',
    });
    expect(cells.refused_because).toContain('forbidden_origin (403)');
    expect(harness.emulator.store.listThreadMembers(thread)).toContain(DEMO_USERS.bob);
  });

  it('records an operation of a kind the server does not know as refused, but not a refused export', async () => {
    const harness = harnessWith();
    const unknownKind = await harness.call(
      '/api/operations',
      startOperation({ kind: 'rename', threadId: thread, usernames: [DEMO_USERS.bob] }),
    );
    expect(unknownKind.status).toBe(400);
    const badExport = await harness.call(
      '/api/operations',
      startOperation({ kind: 'export', threadId: thread, format: 'xml' }),
    );
    expect(badExport.status).toBe(400);
    const entries = harness.audit.list({}, 10).entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: 'local',
      action: 'other',
      threadId: thread,
      outcomes: { refused: 1 },
      refusal: 'illegal_argument (400): "kind" must be "add", "remove" or "export".',
    });
    expect(harness.audit.verify().problems).toEqual([]);
  });

  it("records a viewer's cancel, retry and undo of an operation as refused, with the operation", async () => {
    const harness = harnessWith({ auth: TEST_PROXY_AUTH });
    const asAnn = { 'x-forwarded-email': 'ann@example.com' };
    const asVic = { 'x-forwarded-email': 'vic@example.com' };
    const started = await harness.call(
      '/api/operations',
      startOperation({ kind: 'add', threadId: thread, usernames: [DEMO_USERS.lurker] }, asAnn),
      PROXY,
    );
    expect(started.status).toBe(202);
    const { id } = (started.json as { operation: { id: string } }).operation;
    for (const change of ['cancel', 'retry', 'undo']) {
      const response = await harness.call(
        `/api/operations/${id}/${change}`,
        { method: 'POST', headers: asVic },
        PROXY,
      );
      expect(response.status, change).toBe(403);
    }
    const refused = harness.audit.list({ actor: 'vic@example.com' }, 10).entries;
    expect(
      refused.map(({ action, operationId, threadId, role }) => [action, operationId, threadId, role]),
    ).toEqual([
      ['undo', id, thread, 'viewer'],
      ['retry', id, thread, 'viewer'],
      ['cancel', id, thread, 'viewer'],
    ]);
    expect(refused[0]?.refusal).toMatch(/^forbidden_role \(403\)/);
    expect(harness.audit.verify().problems).toEqual([]);
  });

  it('logs a change with nobody signed in, with where it came from, and leaves the audit log alone', async () => {
    const harness = harnessWith({ auth: TEST_PROXY_AUTH });
    const response = await harness.call(
      `/api/chat/thread/${thread}/users`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-email': 'ann@example.com' },
        body: JSON.stringify({ usernames: [DEMO_USERS.bob] }),
      },
      '203.0.113.7',
    );
    expect(response.status).toBe(403);
    // Through the sign-in proxy, but without a name.
    const unnamed = await harness.call(
      '/api/operations',
      startOperation({ kind: 'add', threadId: thread, usernames: [DEMO_USERS.bob] }),
      PROXY,
    );
    expect(unnamed.status).toBe(401);
    expect(harness.audit.list({}, 10).entries).toEqual([]);
    const warnings = harness.logLines
      .filter((line) => line.includes('change refused: nobody signed in'))
      .map((line) => JSON.parse(line) as unknown);
    expect(warnings).toEqual([
      expect.objectContaining({
        level: 'warn',
        method: 'POST',
        path: `/api/chat/thread/${thread}/users`,
        status: 403,
        clientAddress: '203.0.113.7',
      }),
      expect.objectContaining({ level: 'warn', path: '/api/operations', status: 401, clientAddress: PROXY }),
    ]);
  });

  it('records nothing for a request that names no member change, and nothing twice for a sent one', async () => {
    const harness = harnessWith();
    await harness.call(`/api/chat/thread/${thread}`, { method: 'DELETE' });
    expect(harness.audit.list({}, 10).entries).toEqual([]);
    // The API itself refuses an add of a user outside the group: one record, of the call that was sent.
    await harness.call(`/api/chat/thread/${thread}/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ usernames: [DEMO_USERS.outsider] }),
    });
    const entries = harness.audit.list({}, 10).entries;
    expect(entries.map(({ refusal, outcomes }) => [refusal, outcomes])).toEqual([[null, { refused: 1 }]]);
  });
});
