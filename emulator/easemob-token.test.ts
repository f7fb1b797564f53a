// The Easemob token endpoint and Easemob-format tokens on the thread endpoints, with an injected clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from './emulator.ts';
import { mintEasemobToken } from './easemob-token.ts';
import { createTestApi, expectChatError } from './test-support.ts';
import type { TestApi } from './test-support.ts';

let clock = Date.UTC(2026, 0, 1);
let api: TestApi;
beforeAll(() => {
  api = createTestApi({ seed: 'none', now: () => clock });
});
afterAll(() => api.emulator.close());

const credentials = {
  grant_type: 'client_credentials',
  client_id: DEMO_CLIENT_ID,
  client_secret: DEMO_CLIENT_SECRET,
};

async function tokenFor(body: Record<string, unknown>) {
  return api.call('POST', '/token', { body, token: null });
}

describe('POST /{org}/{app}/token', () => {
  it('answers {access_token, expires_in, application}, and the token works on every thread endpoint', async () => {
    const response = await tokenFor({ ...credentials, ttl: 3600 });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      access_token: expect.stringMatching(/^YWMt[A-Za-z0-9_-]+$/) as unknown,
      expires_in: 3600,
      application: api.emulator.config.applicationUuid,
    });
    const token = String(response.json?.access_token);
    expect((await api.call('GET', '/thread', { token })).status).toBe(200);
    expect((await api.call('GET', '/threads/user/nobody', { token })).status).toBe(404);
  });

  it('takes ttl as a number or a string of digits; without it 60 days, 0 never expires', async () => {
    expect((await tokenFor({ ...credentials, ttl: '120' })).json?.expires_in).toBe(120);
    expect((await tokenFor(credentials)).json?.expires_in).toBe(60 * 24 * 3600);
    const forever = await tokenFor({ ...credentials, ttl: 0 });
    expect(forever.json?.expires_in).toBe(0);
    clock += 400 * 24 * 3600 * 1000;
    try {
      expect((await api.call('GET', '/thread', { token: String(forever.json?.access_token) })).status).toBe(
        200,
      );
    } finally {
      clock -= 400 * 24 * 3600 * 1000;
    }
  });

  it('refuses a wrong secret or client id with one 401, and malformed requests with 400/415/405', async () => {
    for (const wrong of [{ client_secret: 'YXA6wrong' }, { client_id: 'YXA6other' }]) {
      expectChatError(
        await tokenFor({ ...credentials, ...wrong }),
        401,
        'unauthorized',
        'Unable to authenticate (OAuth)',
      );
    }
    for (const bad of [{ grant_type: 'password' }, { client_secret: 5 }, { ttl: -1 }, { ttl: 'soon' }]) {
      expect((await tokenFor({ ...credentials, ...bad })).status).toBe(400);
    }
    const plain = await api.call('POST', '/token', { rawBody: JSON.stringify(credentials), token: null });
    expect(plain.status).toBe(415);
    expect((await api.call('GET', '/token', { token: null })).status).toBe(405);
  });

  it('answers an expired token, another secret’s token and a corrupt one as the docs say', async () => {
    const response = await tokenFor({ ...credentials, ttl: 60 });
    const token = String(response.json?.access_token);
    clock += 61_000;
    try {
      expectChatError(
        await api.call('GET', '/thread', { token }),
        401,
        'unauthorized',
        'Unable to authenticate due to expired access token',
      );
    } finally {
      clock -= 61_000;
    }
    const issuedAt = Math.floor(clock / 1000);
    const foreign = mintEasemobToken(
      { clientId: DEMO_CLIENT_ID, clientSecret: 'YXA6another' },
      issuedAt,
      issuedAt + 60,
    );
    expectChatError(
      await api.call('GET', '/thread', { token: foreign }),
      401,
      'auth_bad_access_token',
      'Unable to authenticate.',
    );
    expectChatError(
      await api.call('GET', '/thread', { token: 'YWMtnot-a-token' }),
      401,
      'auth_bad_access_token',
      'Unable to authenticate due to corrupt access token',
    );
  });
});
