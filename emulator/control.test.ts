// The test-only control routes: present only with `control: true`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_THREAD_SIZES, DEMO_THREADS } from './demo-data.ts';
import { createTestApi } from './test-support.ts';
import type { TestApi } from './test-support.ts';

let api: TestApi;
beforeAll(() => {
  api = createTestApi({ control: true, rateLimit: null });
});
afterAll(() => api.emulator.close());

describe('control routes', () => {
  it('are 404 like any unknown route without the flag', async () => {
    const plain = createTestApi({ seed: 'none' });
    try {
      for (const [method, path] of [
        ['POST', '/_emulator/reset'],
        ['PUT', '/_emulator/faults'],
        ['GET', `/_emulator/threads/${DEMO_THREADS.small}/members`],
        ['GET', '/_emulator/token'],
      ] as const) {
        const response = await plain.call(method, path, method === 'GET' ? {} : { body: {} });
        expect(response.status).toBe(404);
        expect(response.json?.error).toBe('service_resource_not_found');
      }
    } finally {
      plain.emulator.close();
    }
  });

  it('list a thread in full, mint tokens, and change faults and switches', async () => {
    const members = await api.call('GET', `/_emulator/threads/${DEMO_THREADS.small}/members`);
    expect((members.json?.members as string[]).length).toBe(DEMO_THREAD_SIZES.small);

    const token = await api.call('GET', '/_emulator/token');
    const minted = (token.json as { token: string }).token;
    expect((await api.call('GET', '/thread', { token: minted })).status).toBe(200);

    const faults = await api.call('PUT', '/_emulator/faults', {
      body: { threadsEnabled: false, rateLimit: 5, latency: null, faultRate: 0 },
    });
    expect(faults.json).toMatchObject({ threadsEnabled: false, rateLimit: 5 });
    expect((await api.call('GET', '/thread')).status).toBe(403);
    await api.call('PUT', '/_emulator/faults', { body: { threadsEnabled: true, rateLimit: null } });
    expect((await api.call('GET', '/thread')).status).toBe(200);

    const bad = await api.call('PUT', '/_emulator/faults', { body: { faultRate: 2 } });
    expect(bad.status).toBe(400);

    // Scripted faults never hit the control routes themselves.
    await api.call('PUT', '/_emulator/faults', { body: { script: ['before-503'] } });
    expect((await api.call('GET', '/_emulator/faults')).status).toBe(200);
    expect((await api.call('GET', '/thread')).status).toBe(503);
  });

  it('reset empties the database (optionally reseeding) and seed fills only an empty one', async () => {
    const emptied = await api.call('POST', '/_emulator/reset', { body: {} });
    expect(emptied.json).toMatchObject({ status: 'ok', seedMs: null });
    expect(api.emulator.store.threadExists(DEMO_THREADS.small)).toBe(false);
    const seeded = await api.call('POST', '/_emulator/seed', { body: {} });
    expect(typeof seeded.json?.seedMs).toBe('number');
    expect(api.emulator.store.threadExists(DEMO_THREADS.small)).toBe(true);
    const again = await api.call('POST', '/_emulator/seed', { body: {} });
    expect(again.json?.seedMs).toBeNull();
    const reseeded = await api.call('POST', '/_emulator/reset', { body: { seed: 'demo' } });
    expect(typeof reseeded.json?.seedMs).toBe('number');
    expect(api.emulator.store.listThreadMembers(DEMO_THREADS.large)).toHaveLength(DEMO_THREAD_SIZES.large);
  });

  it('refuse changes without a JSON content type, so that no web page can send them', async () => {
    const response = await api.emulator.app.request('/_emulator/reset', { method: 'POST', body: '{}' });
    expect(response.status).toBe(415);
    expect(api.emulator.store.threadExists(DEMO_THREADS.small)).toBe(true);
  });
});
