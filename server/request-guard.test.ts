// Requests a browser could be tricked into sending: a rebound Host, a cross-site change, an https page.
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_THREADS } from '../emulator/demo-data.ts';
import { createServerApp } from './app.ts';
import { TEST_PROXY_AUTH } from './auth-test-support.ts';
import { createHarness, expectNoSecretsLeaked, harnessPool } from './test-harness.ts';

const harness = createHarness();
const { harnessWith, closeAll } = harnessPool();
afterAll(() => {
  expectNoSecretsLeaked();
  harness.close();
  closeAll();
});

const addBob = (headers: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ usernames: ['bob'] }),
});
const members = `http://localhost/api/chat/thread/${DEMO_THREADS.empty}/users`;

describe('cross-site changes', () => {
  it('refuses a change from another origin and applies nothing', async () => {
    const attempts: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: 'http://localhost' },
      { origin: 'null' },
    ];
    for (const headers of attempts) {
      const response = await harness.call(members, addBob(headers));
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(response.json).toMatchObject({ error: 'forbidden_origin' });
    }
    expect(harness.emulator.store.listThreadMembers(DEMO_THREADS.empty)).toEqual([]);
  });

  it('accepts a change from the dashboard itself and from clients that are not browsers', async () => {
    const sameOrigin = await harness.call(
      members,
      addBob({ origin: 'http://localhost', 'sec-fetch-site': 'same-origin' }),
    );
    expect(sameOrigin.status).toBe(200);
    const script = await harness.call(members, addBob({}));
    expect(script.status).toBe(200);
  });

  it('refuses a change whose body is not JSON before it reaches the Chat API', async () => {
    const before = harness.exchanges.length;
    const response = await harness.call(members, { method: 'POST', body: '{"usernames":["bob"]}' });
    expect(response.status).toBe(415);
    expect(harness.exchanges.length).toBe(before);
  });
});

describe('origins with their scheme', () => {
  it('refuses an https page on the http dashboard, and believes https only from the listed proxy', async () => {
    const https = await harness.call(members, addBob({ origin: 'https://localhost' }));
    expect(https.status).toBe(403);

    const proxied = harnessWith({ auth: TEST_PROXY_AUTH });
    const asAnn = (origin: string) =>
      addBob({ origin, 'x-forwarded-email': 'ann@example.com', 'x-forwarded-proto': 'https' });
    expect((await proxied.call(members, asAnn('https://localhost'), '10.9.9.9')).status).toBe(200);
    expect((await proxied.call(members, asAnn('http://localhost'), '10.9.9.9')).status).toBe(403);
  });
});

describe('host names', () => {
  const app = createServerApp({
    config: harness.config,
    tokenProvider: {
      kind: 'app-token',
      renewable: false,
      token: () => Promise.resolve('unused'),
      invalidate: () => undefined,
    },
    fetch: harness.emulator.fetch,
    logger: { log: () => undefined },
    audit: harness.audit,
    distDir: '/nonexistent-dist',
    allowedHostnames: ['localhost', '127.0.0.1', '[::1]'],
  });

  it('answers only to the allowed names, so a rebound domain cannot reach a loopback dashboard', async () => {
    expect((await app.request('http://127.0.0.1:8080/healthz')).status).toBe(200);
    expect((await app.request('http://[::1]:8080/healthz')).status).toBe(200);
    const rebound = await app.request('http://attacker.example:8080/api/session');
    expect(rebound.status).toBe(421);
  });
});
