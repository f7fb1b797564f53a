// A file database survives a restart, and the seed never runs over existing data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_THREADS } from './demo-data.ts';
import { createEmulator } from './emulator.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'emulator-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('persistence', () => {
  it('keeps added members, deleted threads and fresh thread ids across a restart', async () => {
    const file = path.join(dir, 'emulator.sqlite');
    const first = createEmulator({ db: file, seed: 'demo' });
    expect(first.seedMs).not.toBeNull();
    const headers = { authorization: `Bearer ${first.issueAppToken()}`, 'content-type': 'application/json' };
    const base = `http://chat.test${first.basePath}`;
    const added = await first.fetch(`${base}/thread/${DEMO_THREADS.small}/users`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ usernames: ['user149000'] }),
    });
    expect(added.status).toBe(200);
    const removed = await first.fetch(`${base}/thread/${DEMO_THREADS.rtl}`, { method: 'DELETE', headers });
    expect(removed.status).toBe(200);
    const created = await first.fetch(`${base}/thread`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        group_id: '179800040062977',
        name: 'After restart?',
        msg_id: '9',
        owner: 'bob',
      }),
    });
    const createdId = ((await created.json()) as { data: { thread_id: string } }).data.thread_id;
    const membersBefore = first.store.listThreadMembers(DEMO_THREADS.small);
    first.close();

    const second = createEmulator({ db: file, seed: 'demo' });
    try {
      expect(second.seedMs).toBeNull();
      expect(second.store.listThreadMembers(DEMO_THREADS.small)).toEqual(membersBefore);
      expect(second.store.listThreadMembers(DEMO_THREADS.small).at(-1)).toBe('user149000');
      expect(second.store.threadExists(DEMO_THREADS.rtl)).toBe(false);
      expect(second.store.getThread(createdId)?.name).toBe('After restart?');
      const again = await second.fetch(`${base}/thread`, {
        method: 'POST',
        headers: { ...headers, authorization: `Bearer ${second.issueAppToken()}` },
        body: JSON.stringify({ group_id: '179800040062977', name: 'Next', msg_id: '10', owner: 'bob' }),
      });
      const nextId = ((await again.json()) as { data: { thread_id: string } }).data.thread_id;
      expect(Number(nextId)).toBeGreaterThan(Number(createdId));
    } finally {
      second.close();
    }
  });
});
