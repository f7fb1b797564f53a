// Exports as server operations: the file built on the server from every member page, downloadable when done,
// exact under offset cursors while members leave, resumed after a restart from the last cursor, cancellable.
import { afterEach, describe, expect, it } from 'vitest';
import { API_VARIANT_VALUES, type ApiVariants } from '../../emulator/api-variants.ts';
import { DEMO_THREADS, demoUsername } from '../../emulator/demo-data.ts';
import { readCsv } from '../../src/lib/csv-file.ts';
import { createHarness, type Harness, type HarnessOptions } from '../test-harness.ts';
import type { UpstreamFetch } from '../chat-proxy.ts';
import { MAX_PASSES } from './export-check.ts';
import { exportEtaMs, newExportWalk } from './export-walk.ts';
import { detail, ended, JSON_HEADERS, start } from './operation-test-calls.ts';
import type { ExportWalk } from './operation-store.ts';
import { openSqliteOperationStore } from './sqlite-operation-store.ts';

const thread = DEMO_THREADS.large;
const harnesses: Harness[] = [];
afterEach(() => {
  for (const harness of harnesses.splice(0)) harness.close();
});

function harness(options: HarnessOptions = {}): Harness {
  const created = createHarness(options);
  harnesses.push(created);
  return created;
}

const isMemberPage = (request: Request) =>
  request.method === 'GET' && new URL(request.url).pathname.endsWith(`/thread/${thread}/users`);

/** Runs `during` (once) when the export asks for its `page`th member page, before the page is answered. */
function onMemberPage(page: number, during: (h: Harness) => Promise<void> | void) {
  let pages = 0;
  let h: Harness | undefined;
  const options: HarnessOptions = {
    upstreamFetch:
      (emulatorFetch): UpstreamFetch =>
      async (request) => {
        if (isMemberPage(request) && ++pages === page && h !== undefined) await during(h);
        return emulatorFetch(request);
      },
  };
  return {
    options,
    attach: (created: Harness) => {
      h = created;
      return created;
    },
    pages: () => pages,
  };
}

async function exportFile(h: Harness, id: string, format?: 'csv' | 'txt') {
  return h.call(`/api/operations/${id}/file${format === undefined ? '' : `?format=${format}`}`);
}

const fileText = async (h: Harness, id: string) => (await exportFile(h, id, 'txt')).text;

/** An export of the thread to its end, on a harness whose emulator answers as `variants` say. */
async function exportUnder(gate: ReturnType<typeof onMemberPage>, variants: Partial<ApiVariants>) {
  const h = gate.attach(harness(gate.options));
  h.emulator.setFaults({ variants });
  const operation = await start(h, { kind: 'export', threadId: thread });
  return { h, operation, done: (await ended(h, operation.id)).operation };
}

const walkOf = (operation: unknown) => (operation as { exportWalk: ExportWalk }).exportWalk;

describe('exports on the server', () => {
  it('builds the whole member list as CSV or text, named like the dashboard names it', async () => {
    const h = harness();
    const operation = await start(h, { kind: 'export', threadId: thread });
    expect(operation.label).toBe(`Export the members of thread ${thread}`);
    const { operation: done, items } = await ended(h, operation.id);
    expect(done.state).toBe('finished');
    expect(done.label).toBe('Export the members of Community help desk');
    expect(items).toEqual([]);
    expect(walkOf(done)).toMatchObject({ pass: 1, members: 1_200, threadCount: 1_200, note: null });

    const expected = h.emulator.store.listThreadMembers(thread);
    const csv = await exportFile(h, operation.id);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv;charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="members-${thread}-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.csv"$`),
    );
    const { records } = await readCsv(csv.text.replace(/^\uFEFF/, ''));
    expect(records).toEqual([['username'], ...expected.map((name) => [name])]);
    const text = await exportFile(h, operation.id, 'txt');
    expect(text.text).toBe(expected.map((name) => `${name}\n`).join(''));
    // Pages of 50 and a count at each end; reads are not changes, so the audit log holds nothing of it.
    expect(h.exchanges.filter((exchange) => exchange.method === 'GET')).toHaveLength(25 + 2);
    expect(h.audit.rows({}, 10)).toEqual([]);
  });

  it('lets a viewer export, cancel and resume their own export, but not add', async () => {
    const viewer = { 'x-user': 'vic', ...JSON_HEADERS };
    const gate = onMemberPage(3, async (h) => {
      const response = await h.call(
        `/api/operations/${exportId}/cancel`,
        { method: 'POST', headers: viewer },
        '10.0.0.1',
      );
      expect(response.status).toBe(200);
    });
    let exportId = '';
    const h = gate.attach(
      harness({
        ...gate.options,
        auth: { mode: 'proxy', header: 'x-user', trustedAddresses: ['10.0.0.1'], moderators: [] },
      }),
    );
    const post = (body: unknown) =>
      h.call('/api/operations', { method: 'POST', headers: viewer, body: JSON.stringify(body) }, '10.0.0.1');
    expect((await post({ kind: 'add', threadId: thread, usernames: ['lurker'] })).status).toBe(403);
    const started = await post({ kind: 'export', threadId: thread, format: 'txt' });
    expect(started.status).toBe(202);
    exportId = (started.json as { operation: { id: string; actor: string } }).operation.id;

    const { operation } = await ended(h, exportId, { headers: viewer, from: '10.0.0.1' });
    expect(operation.state).toBe('cancelled');
    expect(operation.actor).toBe('vic');
    expect(gate.pages()).toBeLessThanOrEqual(4);
    const file = await h.call(`/api/operations/${exportId}/file`, { headers: viewer }, '10.0.0.1');
    expect(file.status).toBe(409);
    expect(file.text).toContain('This export was cancelled: it has no file.');

    // Resumed, it goes on from the last page it read rather than starting over.
    const pagesBefore = gate.pages();
    const resume = () =>
      h.call(`/api/operations/${exportId}/retry`, { method: 'POST', headers: viewer }, '10.0.0.1');
    expect((await resume()).status).toBe(200);
    const resumed = await ended(h, exportId, { headers: viewer, from: '10.0.0.1' });
    expect(resumed.operation.state).toBe('finished');
    expect(gate.pages() - pagesBefore).toBeLessThan(24);
    const whole = await h.call(`/api/operations/${exportId}/file`, { headers: viewer }, '10.0.0.1');
    expect(whole.text).toBe(
      h.emulator.store
        .listThreadMembers(thread)
        .map((name) => `${name}\n`)
        .join(''),
    );
    const again = await resume();
    expect(again.status).toBe(409);
    expect(again.text).toContain('This export has finished: download its file, or export again.');
  });

  it('refuses a file before the export has finished, and for an operation that is not an export', async () => {
    const gate = onMemberPage(2, async (h) => {
      const early = await exportFile(h, exportId);
      expect(early.status).toBe(409);
      expect(early.text).toContain('still running');
      // One page read, 24 and the closing count to go, at the pace of the first.
      const { etaMs } = (await detail(h, exportId)).operation as unknown as { etaMs: number };
      expect(etaMs).toBeGreaterThan(0);
    });
    let exportId = '';
    const h = gate.attach(harness(gate.options));
    exportId = (await start(h, { kind: 'export', threadId: thread })).id;
    await ended(h, exportId);
    const add = await start(h, { kind: 'add', threadId: DEMO_THREADS.small, usernames: ['lurker'] });
    await ended(h, add.id);
    expect((await exportFile(h, add.id)).status).toBe(404);
    expect((await exportFile(h, exportId, 'xlsx' as 'csv')).status).toBe(400);
  });

  it('estimates the time left from the pages its count leaves, at the pace so far', () => {
    const walk = { ...newExportWalk('csv', 0), countAtPassStart: 1_200, walked: 100 };
    // 1,100 members in 22 pages, then the count at the end.
    expect(exportEtaMs(walk, 400)).toBe(23 * 400);
    expect(exportEtaMs({ ...walk, countAtPassStart: null }, 400)).toBeNull();
    expect(exportEtaMs(walk, null)).toBeNull();
  });

  it('stops with the reason when the thread does not exist', async () => {
    const h = harness();
    const operation = await start(h, { kind: 'export', threadId: '999999999999999' });
    const { operation: done } = await ended(h, operation.id);
    expect(done.state).toBe('stopped');
    expect((done as unknown as { stopReason: string }).stopReason).toContain('check the thread ID');
  });

  // The variants an export meets: how cursors read, and the removal path the other operation finds.
  const variants = API_VARIANT_VALUES.cursor.flatMap((cursor) =>
    API_VARIANT_VALUES.deletePath.map((deletePath) => ({ cursor, deletePath })),
  );

  describe.each(variants)('under %j', (variant) => {
    it('lists every member once while another moderator removes members from pages already read', async () => {
      const leaving: string[] = [];
      const gate = onMemberPage(6, async (h) => {
        // 30 of the first 250 members, all on pages the export has read, leave by an operation of their own.
        leaving.push(
          ...h.emulator.store
            .listThreadMembers(thread)
            .filter((_, i) => i % 8 === 3)
            .slice(0, 30),
        );
        const removal = await start(h, { kind: 'remove', threadId: thread, usernames: leaving });
        expect((await ended(h, removal.id)).operation.state).toBe('finished');
      });
      const { h, operation, done } = await exportUnder(gate, variant);

      const members = h.emulator.store.listThreadMembers(thread);
      expect(members).toHaveLength(1_170);
      expect(await fileText(h, operation.id)).toBe(members.map((name) => `${name}\n`).join(''));
      // A removal during the walk is known to the server: the walk is read again to be sure.
      expect(walkOf(done)).toMatchObject({ pass: 2, members: 1_170, threadCount: 1_170, note: null });
    });

    it('is exact when members leave and as many join during the walk, the count alone unchanged', async () => {
      const gate = onMemberPage(4, async (h) => {
        const early = h.emulator.store.listThreadMembers(thread).slice(10, 20);
        const newcomers = Array.from({ length: 10 }, (_, i) => demoUsername(140_100 + i));
        const [removal, add] = await Promise.all([
          start(h, { kind: 'remove', threadId: thread, usernames: early }),
          start(h, { kind: 'add', threadId: thread, usernames: newcomers }),
        ]);
        await ended(h, removal.id);
        await ended(h, add.id);
      });
      const { h, operation, done } = await exportUnder(gate, variant);
      const members = h.emulator.store.listThreadMembers(thread);
      expect(members).toHaveLength(1_200);
      expect(await fileText(h, operation.id)).toBe(members.map((name) => `${name}\n`).join(''));
      expect(walkOf(done).note).toBeNull();
    });
  });

  it('says so when the count still differs after its last walk', async () => {
    // Members leave behind the server's back (another app of the project) on every walk: the count never holds.
    let pageOfWalk = 0;
    const h = harness({
      upstreamFetch: (emulatorFetch) => async (request) => {
        if (isMemberPage(request) && !new URL(request.url).searchParams.has('cursor')) pageOfWalk = 0;
        if (isMemberPage(request) && ++pageOfWalk === 3) {
          const [first = ''] = h.emulator.store.listThreadMembers(thread);
          h.emulator.store.removeThreadMember(thread, first);
        }
        return emulatorFetch(request);
      },
    });
    h.emulator.setFaults({ variants: { cursor: 'offset' } });
    const operation = await start(h, { kind: 'export', threadId: thread });
    const { operation: done } = await ended(h, operation.id);
    expect(done.state).toBe('finished');
    const walk = walkOf(done);
    expect(walk.pass).toBe(MAX_PASSES);
    const count = h.emulator.store.listThreadMembers(thread).length;
    expect(walk.threadCount).toBe(count);
    expect(walk.members).not.toBe(count);
    expect(walk.note).toBe(
      `The thread had ${count.toLocaleString('en')} members at the end; the file has ` +
        `${walk.members.toLocaleString('en')}: members joined or left during the export. Export again for an exact list.`,
    );
  });

  it('goes on from the last cursor after a restart, reading no page twice but the one in flight', async () => {
    const store = openSqliteOperationStore(':memory:');
    let closing: Promise<void> = new Promise(() => undefined);
    let closed = false;
    const first = onMemberPage(10, (h) => {
      closing = h.app.operations.close().then(() => {
        closed = true;
      });
    });
    const before = first.attach(harness({ ...first.options, operations: { store } }));
    const operation = await start(before, { kind: 'export', threadId: thread });
    await expect.poll(() => closed).toBe(true);
    await closing;
    const stopped = await detail(before, operation.id);
    expect(stopped.operation.state).toBe('running');
    expect(walkOf(stopped.operation).pages).toBe(9);

    const after = harness({ operations: { store } });
    expect(after.app.operations.resumeUnfinished()).toBe(1);
    const { operation: done } = await ended(after, operation.id);
    expect(done.state).toBe('finished');
    const pagesAfter = after.exchanges.filter((exchange) => exchange.url.includes(`/thread/${thread}/users`));
    expect(pagesAfter).toHaveLength(25 - 9);
    const members = after.emulator.store.listThreadMembers(thread);
    expect((await exportFile(after, operation.id, 'txt')).text).toBe(
      members.map((name) => `${name}\n`).join(''),
    );
  });
});
