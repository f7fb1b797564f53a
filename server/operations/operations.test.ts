import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_THREADS, demoUsername } from '../../emulator/demo-data.ts';
import { createHarness, type Harness } from '../test-harness.ts';
import { NOT_ADDED } from './operation-runner.ts';
import { openSqliteOperationStore } from './sqlite-operation-store.ts';
import {
  detail,
  ended,
  JSON_HEADERS,
  outcomesOf,
  runningRemoval,
  start,
  type Summary,
} from './operation-test-calls.ts';

const harnesses: Harness[] = [];
afterEach(() => {
  for (const harness of harnesses.splice(0)) harness.close();
});

function harness(options: Parameters<typeof createHarness>[0] = {}): Harness {
  const created = createHarness(options);
  harnesses.push(created);
  return created;
}

describe('operations on the server', () => {
  it('tells a member already there from one it added, and Undo removes only the one it added', async () => {
    const h = harness();
    const member = demoUsername(124); // in the huge thread, far beyond its first page
    const newcomer = 'lurker';
    const add = await start(h, { kind: 'add', threadId: DEMO_THREADS.huge, usernames: [member, newcomer] });
    const { operation, items } = await ended(h, add.id);
    expect(operation.state).toBe('finished');
    expect(operation.label).toBe('Add 2 members to Announcements');
    expect(outcomesOf(items)).toEqual({ [member]: 'already-a-member', [newcomer]: 'added' });

    const undoResponse = await h.call(`/api/operations/${add.id}/undo`, { method: 'POST' });
    expect(undoResponse.status).toBe(200);
    const undo = (undoResponse.json as { operation: Summary }).operation;
    const undone = await ended(h, undo.id);
    expect(outcomesOf(undone.items)).toEqual({ [newcomer]: 'removed' });
    expect(undone.operation.undoOf).toBe(add.id);
    expect(h.emulator.store.isThreadMember(DEMO_THREADS.huge, member)).toBe(true);
    expect(h.emulator.store.isThreadMember(DEMO_THREADS.huge, newcomer)).toBe(false);
    expect((await detail(h, add.id)).operation.undoneBy).toBe(undo.id);
    // Each change call of both operations is in the audit log, chained like the browser's own calls.
    const recorded = h.audit.rows({}, 100).filter((row) => row.operationId !== null);
    expect(new Set(recorded.map((row) => row.operationId))).toEqual(new Set([add.id, undo.id]));
    expect(h.audit.verify()).toMatchObject({ problems: [], head: { id: expect.any(Number) as number } });
  });

  it('leaves alone, and names, a user another operation changed since', async () => {
    const h = harness();
    const newcomer = demoUsername(140_001);
    const add = await start(h, {
      kind: 'add',
      threadId: DEMO_THREADS.small,
      usernames: ['lurker', newcomer],
    });
    await ended(h, add.id);
    const removal = await start(h, { kind: 'remove', threadId: DEMO_THREADS.small, usernames: ['lurker'] });
    await ended(h, removal.id);
    const undoResponse = await h.call(`/api/operations/${add.id}/undo`, { method: 'POST' });
    const undo = (undoResponse.json as { operation: Summary }).operation;
    const undone = await ended(h, undo.id);
    expect(undone.operation.leftAlone).toEqual(['lurker']);
    expect(undone.items.map(([, user]) => user)).toEqual([newcomer]);
  });

  it('undoes nothing, and says why, when a later operation changed every user again', async () => {
    const h = harness();
    const add = await start(h, { kind: 'add', threadId: DEMO_THREADS.small, usernames: ['lurker'] });
    await ended(h, add.id);
    await ended(
      h,
      (await start(h, { kind: 'remove', threadId: DEMO_THREADS.small, usernames: ['lurker'] })).id,
    );
    const response = await h.call(`/api/operations/${add.id}/undo`, { method: 'POST' });
    expect(response.status).toBe(409);
    expect(response.text).toContain('Nothing was undone');
  });

  it('adds a user to threads only as the undo of a removal', async () => {
    const h = harness();
    const response = await h.call('/api/operations', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({
        kind: 'add',
        username: 'lurker',
        threads: [{ id: DEMO_THREADS.small, name: 'Moderators lounge' }],
      }),
    });
    expect(response.status).toBe(400);
    expect(h.exchanges).toHaveLength(0);
  });

  it('refuses bad usernames with their reasons before sending anything', async () => {
    const h = harness();
    const response = await h.call('/api/operations', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ kind: 'add', threadId: DEMO_THREADS.small, usernames: ['ok', 'bad name'] }),
    });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ invalid: [{ entry: 'bad name', problem: 'bad-character' }] });
    expect(h.exchanges).toHaveLength(0);
  });

  it('counts the invalid entries in every summary and lists them only with the items', async () => {
    const h = harness();
    const invalid = [{ entry: 'bad name', problem: 'bad-character' }];
    const add = await start(h, { kind: 'add', threadId: DEMO_THREADS.small, usernames: ['lurker'], invalid });
    expect(add).toMatchObject({ invalidCount: 1 });
    expect(add).not.toHaveProperty('invalid');
    const listed = (await h.call('/api/operations')).json as { operations: Summary[] };
    expect(listed.operations.find((operation) => operation.id === add.id)).not.toHaveProperty('invalid');
    await ended(h, add.id);
    expect(await detail(h, add.id)).toMatchObject({ invalid });
  });

  it('refuses a viewer', async () => {
    const h = harness({
      auth: { mode: 'proxy', header: 'x-user', trustedAddresses: ['10.0.0.1'], moderators: [] },
    });
    const response = await h.call(
      '/api/operations',
      {
        method: 'POST',
        headers: { ...JSON_HEADERS, 'x-user': 'vic' },
        body: JSON.stringify({ kind: 'add', threadId: DEMO_THREADS.small, usernames: ['lurker'] }),
      },
      '10.0.0.1',
    );
    expect(response.status).toBe(403);
  });

  it('removes one user from many threads and reports each thread', async () => {
    const h = harness();
    const threads = [DEMO_THREADS.large, DEMO_THREADS.empty].map((id) => ({ id, name: id }));
    const removal = await start(h, { kind: 'remove', username: 'spammer', threads });
    const { operation, items } = await ended(h, removal.id);
    expect(operation.label).toBe('Remove spammer from 2 threads');
    expect(items.map(([thread, , status]) => [thread, status])).toEqual([
      [DEMO_THREADS.large, 'removed'],
      [DEMO_THREADS.empty, 'not-a-member'],
    ]);
  });

  it('an undo across threads reports not added a thread whose host answered ok but skipped the user', async () => {
    let skipping = false;
    const h = harness({
      upstreamFetch: (emulatorFetch) => (request) => {
        const skipped =
          skipping && request.method === 'POST' && request.url.includes(`/${DEMO_THREADS.large}/`);
        return skipped
          ? Promise.resolve(Response.json({ action: 'post', data: { status: 'ok' } }))
          : emulatorFetch(request);
      },
    });
    const threads = [DEMO_THREADS.large, DEMO_THREADS.otherGroup].map((id) => ({ id, name: id }));
    const removal = await start(h, { kind: 'remove', username: 'spammer', threads });
    expect((await ended(h, removal.id)).items.map(([, , status]) => status)).toEqual(['removed', 'removed']);
    skipping = true;
    const undoResponse = await h.call(`/api/operations/${removal.id}/undo`, { method: 'POST' });
    const undo = (undoResponse.json as { operation: Summary }).operation;
    const { items } = await ended(h, undo.id);
    expect(items.map(([thread, , status, reason]) => [thread, status, reason])).toEqual([
      [DEMO_THREADS.large, 'refused', NOT_ADDED],
      [DEMO_THREADS.otherGroup, 'added', null],
    ]);
  });

  it('stops with a reason when the thread does not exist, sending no change', async () => {
    const h = harness();
    const add = await start(h, { kind: 'add', threadId: '999999999999999', usernames: ['lurker'] });
    const { operation, items } = await ended(h, add.id);
    expect(operation.state).toBe('stopped');
    expect(items[0]?.[2]).toBe('not-sent');
  });

  it('stops a removal from a thread that does not exist at the first answer, changing nothing', async () => {
    const h = harness();
    const removal = await start(h, { kind: 'remove', threadId: '999999999999999', usernames: ['spammer'] });
    const { operation, items } = await ended(h, removal.id);
    expect(operation.state).toBe('stopped');
    expect(operation.label).toBe('Remove spammer from thread 999999999999999');
    expect(items.map(([, , status, reason]) => [status, reason])).toEqual([
      ['failed', expect.stringContaining('HTTP 404') as string],
    ]);
  });

  it("names the thread in a removal's label without waiting for the name to send", async () => {
    const h = harness();
    const removal = await start(h, { kind: 'remove', threadId: DEMO_THREADS.small, usernames: ['lurker'] });
    const { operation } = await ended(h, removal.id);
    expect(operation.label).toBe('Remove lurker from Moderators lounge');
  });

  it("plans an add with one wait: the member list's first page is asked for beside the thread's details", async () => {
    let release: () => void = () => undefined;
    const detailsHeld = new Promise<void>((resolve) => (release = resolve));
    const asked: string[] = [];
    const h = harness({
      upstreamFetch: (emulatorFetch) => async (request) => {
        const { pathname } = new URL(request.url);
        if (request.method === 'GET' && pathname.endsWith(`/thread/${DEMO_THREADS.small}`)) {
          asked.push('details');
          await detailsHeld;
        } else if (request.method === 'GET' && pathname.endsWith('/users')) asked.push('members');
        return emulatorFetch(request);
      },
    });
    const add = await start(h, { kind: 'add', threadId: DEMO_THREADS.small, usernames: ['lurker'] });
    await expect.poll(() => [...asked].sort()).toEqual(['details', 'members']);
    release();
    const { operation, items } = await ended(h, add.id);
    expect(operation.state).toBe('finished');
    expect(items[0]?.[2]).toBe('added');
  });

  describe.each([
    ['another app (the member count shows it)', false],
    ['this server (the audit log shows it; joins keep the count)', true],
  ])('under offset cursors, members removed during the walk by %s', (_, throughServer) => {
    it('still finds a member the walk skipped, so the add does not report them added', async () => {
      const thread = DEMO_THREADS.large;
      let pagesRead = 0;
      let early: string[] = [];
      const h: Harness = harness({
        emulator: { variants: { cursor: 'offset' } },
        upstreamFetch: (emulatorFetch) => async (request) => {
          const { pathname } = new URL(request.url);
          if (request.method === 'GET' && pathname.endsWith(`/thread/${thread}/users`) && ++pagesRead === 2) {
            // Members leave from the page already read: the next page, an offset, skips as many.
            if (!throughServer) for (const user of early) h.emulator.store.removeThreadMember(thread, user);
            else {
              const removal = await h.call(`/api/chat/thread/${thread}/users`, {
                method: 'DELETE',
                headers: JSON_HEADERS,
                body: JSON.stringify({ usernames: early }),
              });
              expect(removal.status).toBe(200);
              h.emulator.store.addThreadMembers(
                thread,
                early.map((_, n) => demoUsername(143_000 + n)),
              );
            }
          }
          return emulatorFetch(request);
        },
      });
      const listed = h.emulator.store.listThreadMembers(thread);
      early = listed.slice(1, 6);
      const skippedByOneWalk = listed[52] ?? '';
      // So many users that reading the list is quicker than each user's threads, even on a slow machine.
      const newcomers = Array.from({ length: 2_000 }, (_, n) => demoUsername(140_000 + n));
      const add = await start(h, {
        kind: 'add',
        threadId: thread,
        usernames: [skippedByOneWalk, ...newcomers],
      });
      const { operation, items } = await ended(h, add.id);
      expect(operation.state).toBe('finished');
      expect(pagesRead).toBeGreaterThan(Math.ceil(listed.length / 50));
      expect(outcomesOf(items)[skippedByOneWalk]).toBe('already-a-member');
      expect(operation.counts.added).toBe(newcomers.length);
    });
  });

  it('says how far an add has come in learning who is a member already, while it does', async () => {
    // At 20 ms a page, the huge thread's 2,001 pages would take 40 s: each user's threads are asked instead.
    const h = harness({ emulator: { latency: { minMs: 20, maxMs: 20 } } });
    const newcomers = Array.from({ length: 300 }, (_, n) => demoUsername(100_001 + n));
    const add = await start(h, { kind: 'add', threadId: DEMO_THREADS.huge, usernames: newcomers });
    const checking = async () =>
      ((await detail(h, add.id)).operation as unknown as { checking: unknown }).checking;
    await expect
      .poll(checking)
      .toEqual({ done: expect.any(Number) as number, of: newcomers.length, unit: 'users' });
    const { operation } = await ended(h, add.id);
    expect(operation.counts.added).toBe(newcomers.length);
    expect(await checking()).toBeNull();
  });

  it("leaves no listener behind on the operation's signal for each of thousands of reads", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      // A budget this high makes each user's threads the quicker way: 2,100 reads under one signal.
      const h = harness({ operations: { callsPerSecond: 10_000 } });
      const newcomers = Array.from({ length: 2_100 }, (_, n) => demoUsername(100_001 + n));
      const add = await start(h, { kind: 'add', threadId: DEMO_THREADS.huge, usernames: newcomers });
      const { operation } = await ended(h, add.id);
      expect(operation.counts.added).toBe(newcomers.length);
      expect(
        h.exchanges.filter((exchange) => exchange.url.includes('/threads/user/')).length,
      ).toBeGreaterThanOrEqual(2_100);
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('cancels while planning waits to read the member list again, without reading it again', async () => {
    let reads = 0;
    const h = harness({
      upstreamFetch: (emulatorFetch) => (request) => {
        if (request.method !== 'GET' || !new URL(request.url).pathname.endsWith('/users')) {
          return emulatorFetch(request);
        }
        reads += 1;
        return Promise.resolve(new Response('{"error":"service_unavailable"}', { status: 503 }));
      },
    });
    const add = await start(h, { kind: 'add', threadId: DEMO_THREADS.small, usernames: ['lurker'] });
    await expect.poll(() => reads).toBeGreaterThan(0);
    const seen = reads;
    expect((await h.call(`/api/operations/${add.id}/cancel`, { method: 'POST' })).status).toBe(200);
    const { operation, items } = await ended(h, add.id);
    expect(operation.state).toBe('cancelled');
    expect(items[0]?.[2]).toBe('not-sent');
    expect(reads).toBe(seen);
  });

  it('counts a removal the audit log could not record as removed when Retry finds the user gone', async () => {
    const h = harness();
    const [first, second] = [demoUsername(5), demoUsername(6)];
    const users = [first, second];
    const append = h.audit.append.bind(h.audit);
    h.audit.append = () => {
      throw new Error('disk full');
    };
    const removal = await start(h, { kind: 'remove', threadId: DEMO_THREADS.huge, usernames: users });
    expect(outcomesOf((await ended(h, removal.id)).items)).toEqual({ [first]: 'failed', [second]: 'failed' });
    // The Chat API removed them; once the audit log works again, the retry hears "not a member".
    h.audit.append = append;
    expect((await h.call(`/api/operations/${removal.id}/retry`, { method: 'POST' })).status).toBe(200);
    const { items } = await ended(h, removal.id);
    expect(items.map(([, user, status, , inferred]) => [user, status, inferred])).toEqual([
      [first, 'removed', true],
      [second, 'removed', true],
    ]);
  });

  it('resumes an unfinished operation after a restart, counting a lost removal as done', async () => {
    const store = openSqliteOperationStore(':memory:');
    const h = harness({ operations: { store } });
    const members = [demoUsername(5), demoUsername(6), demoUsername(7)];
    // What a killed server leaves: a running operation, one call sent and never answered (it was applied).
    store.create(
      runningRemoval('op-killed', DEMO_THREADS.huge, { label: 'Remove 3 members from Announcements' }),
      members.map((username) => ({ threadId: DEMO_THREADS.huge, username })),
    );
    store.markSent('op-killed', [{ threadId: DEMO_THREADS.huge, username: members[0] ?? '' }]);
    h.emulator.store.removeThreadMember(DEMO_THREADS.huge, members[0] ?? '');

    expect(h.app.operations.resumeUnfinished()).toBe(1);
    const { operation, items } = await ended(h, 'op-killed');
    expect(operation.state).toBe('finished');
    expect(items.map(([, user, status, , inferred]) => [user, status, inferred])).toEqual([
      [members[0], 'removed', true],
      [members[1], 'removed', false],
      [members[2], 'removed', false],
    ]);
  });
});
