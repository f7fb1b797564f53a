// Every token case over HTTP, with an injected clock for expiry.
import { ChatTokenBuilder } from 'agora-token';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_THREADS } from './demo-data.ts';
import { DEMO_APP_CERTIFICATE, DEMO_APP_ID } from './emulator.ts';
import { createTestApi, expectChatError } from './test-support.ts';
import type { TestApi } from './test-support.ts';

let clock = Date.UTC(2026, 0, 1);
let api: TestApi;
beforeAll(() => {
  api = createTestApi({ seed: 'none', now: () => clock });
  const { store } = api.emulator;
  store.addUsers(['alice']);
  store.createGroup({ groupId: '100', name: 'g', owner: 'alice', created: 0 });
});
afterAll(() => api.emulator.close());

const OTHER_APP_ID = '11111111111111111111111111111111';
const OTHER_CERTIFICATE = '22222222222222222222222222222222';
const path = '/thread';

describe('app token auth', () => {
  it('accepts a token minted by the emulator and one from ChatTokenBuilder.buildAppToken', async () => {
    expect((await api.call('GET', path)).status).toBe(200);
    // buildAppToken stamps the real clock, so compare against a real-time emulator.
    const realTime = createTestApi({ seed: 'none' });
    try {
      const token = ChatTokenBuilder.buildAppToken(DEMO_APP_ID, DEMO_APP_CERTIFICATE, 600);
      expect((await realTime.call('GET', path, { token })).status).toBe(200);
    } finally {
      realTime.emulator.close();
    }
  });

  it('answers 401 OAuth without a header or with another scheme', async () => {
    expectChatError(
      await api.call('GET', path, { token: null }),
      401,
      'unauthorized',
      'Unable to authenticate (OAuth)',
    );
    const basic = await api.call('GET', path, {
      token: null,
      headers: { authorization: `Basic ${api.token}` },
    });
    expectChatError(basic, 401, 'unauthorized', 'Unable to authenticate (OAuth)');
  });

  it('answers 401 corrupt for a token that does not parse', async () => {
    for (const token of ['garbage', '007garbage', api.token.slice(0, 40)]) {
      expectChatError(
        await api.call('GET', path, { token }),
        401,
        'auth_bad_access_token',
        'Unable to authenticate due to corrupt access token',
      );
    }
  });

  it('answers 401 "Unable to authenticate." for a well-formed token of another App ID or certificate', async () => {
    const foreign = ChatTokenBuilder.buildAppToken(OTHER_APP_ID, OTHER_CERTIFICATE, 600);
    const wrongCertificate = ChatTokenBuilder.buildAppToken(DEMO_APP_ID, OTHER_CERTIFICATE, 600);
    for (const token of [foreign, wrongCertificate]) {
      const response = await api.call('GET', path, { token });
      expectChatError(response, 401, 'auth_bad_access_token', 'Unable to authenticate.');
      expect(response.json?.error_code).toBe(40100);
    }
  });

  it('answers 401 OAuth for a user token, which is for the client SDKs only', async () => {
    const userToken = ChatTokenBuilder.buildUserToken(DEMO_APP_ID, DEMO_APP_CERTIFICATE, 'alice', 600);
    const response = await api.call('GET', path, { token: userToken });
    expectChatError(response, 401, 'unauthorized', 'Unable to authenticate (OAuth)');
  });

  it('refuses a token that claims to live longer than 24 h, and accepts exactly 24 h', async () => {
    expect((await api.call('GET', path, { token: api.emulator.issueAppToken(24 * 3600) })).status).toBe(200);
    const tooLong = api.emulator.issueAppToken(24 * 3600 + 1);
    expectChatError(
      await api.call('GET', path, { token: tooLong }),
      401,
      'auth_bad_access_token',
      'Unable to authenticate.',
    );
  });

  it('answers 401 expired once the lifetime has passed', async () => {
    const token = api.emulator.issueAppToken(60);
    expect((await api.call('GET', path, { token })).status).toBe(200);
    clock += 61_000;
    try {
      expectChatError(
        await api.call('GET', path, { token }),
        401,
        'unauthorized',
        'Unable to authenticate due to expired access token',
      );
    } finally {
      clock -= 61_000;
    }
  });

  it('checks auth before validation and routing-level 404s of a known endpoint', async () => {
    const response = await api.call('GET', `/thread/${DEMO_THREADS.small}/users`, {
      token: null,
      query: { limit: '500' },
    });
    expect(response.status).toBe(401);
  });
});
