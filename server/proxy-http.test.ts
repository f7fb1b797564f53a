// The proxy behind a real HTTP listener, where request targets arrive unnormalised.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_THREADS } from '../emulator/demo-data.ts';
import { listen, type Listening } from './listen.ts';
import { createHarness, expectNoSecretsLeaked, rawHttpRequest } from './test-harness.ts';

const harness = createHarness({ emulator: { control: true } });
let server: Listening;

beforeAll(async () => {
  server = await listen(harness.app, '127.0.0.1', 0);
});

afterAll(async () => {
  await server.close();
  harness.close();
  expectNoSecretsLeaked();
});

describe('proxy over HTTP', () => {
  it('forwards an allowed call', async () => {
    const response = await rawHttpRequest(server.port, `/api/chat/thread/${DEMO_THREADS.small}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    '/api/chat/thread/../_emulator/token',
    // Normalises to an allowed route; only the raw check catches it.
    `/api/chat/thread/../thread/${DEMO_THREADS.small}`,
    '/api/chat/thread/..%2f..%2f_emulator/reset',
    '/api/chat/thread/%2e%2e/%2e%2e/_emulator/token',
    '/api/chat/thread/%252e%252e/users',
    '/api/chat/thread/./180000000100003',
    '/api/chat/thread/180000000100003/users/..',
    '/api/chat/thread\\..\\_emulator\\token',
    '/api/chat//evil.example/thread',
    '/api/chat/http://evil.example/thread',
    'http://localhost/api/chat/thread/../_emulator/token',
  ])('never forwards %s', async (target) => {
    const before = harness.exchanges.length;
    const method = target.includes('reset') ? 'POST' : 'GET';
    const response = await rawHttpRequest(server.port, target, method);
    expect(harness.exchanges.length).toBe(before);
    // Either the proxy's refusal or a request that normalised away from /api/chat (SPA or parser error).
    expect(response.text).not.toContain('"token"');
    expect(response.status === 404 || response.status === 400 || response.status === 503).toBe(true);
  });

  it('logs the path as sent, without the query string', async () => {
    await rawHttpRequest(server.port, `/api/chat/thread/../thread/${DEMO_THREADS.small}?cursor=abc`);
    const last = JSON.parse(harness.logLines.at(-1) ?? '{}') as Record<string, unknown>;
    expect(last).toMatchObject({ path: `/api/chat/thread/../thread/${DEMO_THREADS.small}`, status: 404 });
  });
});
