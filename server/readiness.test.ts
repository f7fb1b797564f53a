// /readyz, the proxy's renew-once-and-repeat on an upstream 401, and headers on every response.
import agoraToken from 'agora-token';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_APP_ID } from '../emulator/emulator.ts';
import { DEMO_THREADS, DEMO_USERS } from '../emulator/demo-data.ts';
import { signIn, testAccounts, withCookie } from './auth-test-support.ts';
import type { AppTokenProvider } from './credentials.ts';
import { expectNoSecretsLeaked, harnessPool, rememberSecret } from './test-harness.ts';

// A token signed with another certificate: what a revoked or rotated credential looks like to the API.
const REVOKED = agoraToken.ChatTokenBuilder.buildAppToken(DEMO_APP_ID, 'ab'.repeat(16), 3600);
rememberSecret(REVOKED);

/** Hands out the revoked token until invalidated, then the real provider's. */
function revokedFirst(real: AppTokenProvider): AppTokenProvider {
  let revoked = true;
  return {
    kind: 'app-certificate',
    renewable: true,
    token: () => (revoked ? Promise.resolve(REVOKED) : real.token()),
    invalidate: () => {
      revoked = false;
      real.invalidate();
    },
  };
}

const fixedRevoked = (): AppTokenProvider => ({
  kind: 'app-token',
  renewable: false,
  token: () => Promise.resolve(REVOKED),
  invalidate: () => undefined,
});

const { harnessWith, closeAll } = harnessPool();
afterAll(() => {
  closeAll();
  expectNoSecretsLeaked();
});

const membersPath = `/api/chat/thread/${DEMO_THREADS.small}/users`;

describe('readiness', () => {
  it('is ready when the Chat API answers with the configured credentials', async () => {
    const harness = harnessWith();
    const response = await harness.call('/readyz');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ status: 'ready' });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(harness.exchanges[0]?.url).toMatch(/\/thread\?limit=1$/);
  });

  it('is not ready, naming the credentials, when the API refuses them', async () => {
    const response = await harnessWith({ tokenProvider: fixedRevoked }).call('/readyz');
    expect(response.status).toBe(503);
    expect(response.json).toEqual({
      status: 'not ready',
      reason: expect.stringContaining('refused the configured credentials') as unknown,
    });
  });

  it('asks the Chat API at most once per five seconds, however often it is probed', async () => {
    let now = 0;
    const harness = harnessWith({ now: () => now });
    await Promise.all([harness.call('/readyz'), harness.call('/readyz')]);
    expect((await harness.call('/readyz')).json).toEqual({ status: 'ready' });
    expect(harness.exchanges).toHaveLength(1);
    now = 5000;
    await harness.call('/readyz');
    expect(harness.exchanges).toHaveLength(2);
  });

  it('is not ready when the API fails', async () => {
    const harness = harnessWith();
    harness.emulator.setFaults({ script: ['before-503'] });
    const response = await harness.call('/readyz');
    expect(response.status).toBe(503);
    expect(response.json).toEqual({
      status: 'not ready',
      reason: 'The Chat API answered 503 to a thread list request.',
    });
  });
});

describe('why it is not ready', () => {
  it('is told only to signed-in people and to the machine itself', async () => {
    const accounts = await testAccounts([{ name: 'ann', role: 'viewer', password: 'ann-readiness-pass' }]);
    try {
      const harness = harnessWith({
        tokenProvider: fixedRevoked,
        auth: {
          mode: 'password',
          usersFile: accounts.usersFile,
          sessionHours: 1,
          trustedProxies: ['10.0.0.5'],
        },
      });
      const stranger = await harness.call('/readyz', {}, '10.1.1.1');
      expect(stranger.status).toBe(503);
      expect(stranger.json).toEqual({ status: 'not ready' });
      // Behind the TLS proxy, the client's address counts, not the proxy's.
      const proxied = await harness.call(
        '/readyz',
        { headers: { 'x-forwarded-for': '10.1.1.1' } },
        '10.0.0.5',
      );
      expect(proxied.json).toEqual({ status: 'not ready' });
      for (const from of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
        expect((await harness.call('/readyz', {}, from)).json, from).toMatchObject({
          reason: expect.stringContaining('credentials') as unknown,
        });
      }
      const { cookie } = await signIn(harness, 'ann', 'ann-readiness-pass');
      expect((await harness.call('/readyz', withCookie(cookie), '10.1.1.1')).json).toMatchObject({
        reason: expect.stringContaining('credentials') as unknown,
      });
    } finally {
      await accounts.remove();
    }
  });
});

describe('upstream 401', () => {
  it('renews the token once and repeats a read', async () => {
    const harness = harnessWith({ tokenProvider: revokedFirst });
    const response = await harness.call(membersPath);
    expect(response.status).toBe(200);
    expect(harness.exchanges.map((exchange) => exchange.status)).toEqual([401, 200]);
    const [refused, repeated] = harness.exchanges;
    expect(refused?.headers.authorization).toBe(`Bearer ${REVOKED}`);
    expect(repeated?.headers.authorization).not.toBe(`Bearer ${REVOKED}`);
  });

  it('repeats a change with the same body, so it is applied once', async () => {
    const harness = harnessWith({ tokenProvider: revokedFirst });
    const body = JSON.stringify({ usernames: [DEMO_USERS.lurker] });
    const response = await harness.call(membersPath, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.json).toMatchObject({ data: { status: 'ok' } });
    expect(harness.exchanges.map((exchange) => [exchange.status, exchange.body])).toEqual([
      [401, body],
      [200, body],
    ]);
  });

  it('reports a fixed token the API refuses as a gateway error, not as a sign-in failure', async () => {
    const harness = harnessWith({ tokenProvider: fixedRevoked });
    const response = await harness.call(membersPath);
    expect(harness.exchanges).toHaveLength(1);
    expect(response.status).toBe(502);
    expect(response.json).toMatchObject({ exception: 'UpstreamCredentialsRefused' });
  });
});

describe('headers on every response', () => {
  it.each(['/api/session', membersPath, '/api/nothing', '/healthz'])('%s is never sniffed', async (path) => {
    const response = await harnessWith().call(path);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
  });
});
