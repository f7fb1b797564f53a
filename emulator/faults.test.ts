// Injected faults: before-apply failures leave state alone, lost responses apply the change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_THREADS } from './demo-data.ts';
import { createEmulator } from './emulator.ts';
import { startEmulatorServer } from './serve.ts';
import { createTestApi, expectChatError } from './test-support.ts';
import type { TestApi } from './test-support.ts';

let api: TestApi;
beforeAll(() => {
  api = createTestApi({ rateLimit: null });
});
afterAll(() => api.emulator.close());

const threadId = DEMO_THREADS.emoji;
const add = (usernames: string[]) => api.call('POST', `/thread/${threadId}/users`, { body: { usernames } });

describe('faults', () => {
  it('answers 500/503/504 before applying anything', async () => {
    const before = api.emulator.store.listThreadMembers(threadId);
    api.emulator.setFaults({ script: ['before-500', 'before-503', 'before-504'] });
    const error = await add(['user140100']);
    expectChatError(error, 500, 'internal_server_error', 'Internal Server Error');
    const unavailable = await add(['user140100']);
    expect(unavailable.status).toBe(503);
    expect(unavailable.text).toBe('');
    const timeout = await add(['user140100']);
    expect(timeout.status).toBe(504);
    expect(timeout.json).toBeUndefined();
    expect(timeout.text.length).toBeGreaterThan(0);
    expect(api.emulator.store.listThreadMembers(threadId)).toEqual(before);
  });

  it('applies the change and then loses the answer (500 or a dropped connection)', async () => {
    api.emulator.setFaults({ script: ['after-500'] });
    expect((await add(['user140101'])).status).toBe(500);
    expect(api.emulator.store.isThreadMember(threadId, 'user140101')).toBe(true);

    api.emulator.setFaults({ script: ['after-drop'] });
    await expect(add(['user140102'])).rejects.toThrow(new TypeError('fetch failed'));
    expect(api.emulator.store.isThreadMember(threadId, 'user140102')).toBe(true);
  });

  it('hits GETs too, and draws faults from faultRate with the injected random source', async () => {
    const draws = [0.1, 0.2, 0.9, /* second call: */ 0.1, 0.7, 0.6, /* third: */ 0.99];
    const local = createTestApi({ faultRate: 0.5, random: () => draws.shift() ?? 0.99, rateLimit: null });
    try {
      // 0.1 < 0.5 faulted; 0.2 < 0.5 before-apply; 0.9 → the third kind (504).
      expect((await local.call('GET', '/thread')).status).toBe(504);
      // 0.1 faulted; 0.7 after-apply; 0.6 → the second kind (dropped).
      await expect(local.call('GET', '/thread')).rejects.toThrow('fetch failed');
      expect((await local.call('GET', '/thread')).status).toBe(200);
    } finally {
      local.emulator.close();
    }
  });

  it('adds latency before handling', async () => {
    api.emulator.setFaults({ latency: { minMs: 60, maxMs: 60 } });
    try {
      const started = performance.now();
      expect((await api.call('GET', '/thread')).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    } finally {
      api.emulator.setFaults({ latency: null });
    }
  });

  it('drops the TCP connection when served over HTTP', async () => {
    const emulator = createEmulator({ seed: 'none' });
    const server = await startEmulatorServer(emulator, { port: 0 });
    try {
      const headers = { authorization: `Bearer ${emulator.issueAppToken()}` };
      emulator.setFaults({ script: ['after-drop'] });
      await expect(fetch(`${server.baseUrl}/thread`, { headers })).rejects.toThrow('fetch failed');
      const next = await fetch(`${server.baseUrl}/thread`, { headers });
      expect(next.status).toBe(200);
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await server.close();
      emulator.close();
    }
  });
});
