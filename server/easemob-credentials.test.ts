// An Easemob project's Client ID + Secret: the server fetches, reuses and renews its app token from the
// (in-process) emulator's token endpoint, and neither the secret nor the token reaches a response or log.
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_THREADS } from '../emulator/demo-data.ts';
import type { Emulator } from '../emulator/emulator.ts';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../emulator/emulator.ts';
import type { UpstreamFetch } from './chat-proxy.ts';
import { createAppTokenProvider, type AppTokenProvider } from './credentials.ts';
import { TokenUnavailable } from './easemob-token.ts';
import { expectNoSecretsLeaked, harnessPool, rememberSecret, UPSTREAM_ORIGIN } from './test-harness.ts';

rememberSecret(DEMO_CLIENT_SECRET);
const WRONG_SECRET = 'YXA6this-is-not-the-secret';
rememberSecret(WRONG_SECRET);

const { harnessWith, closeAll } = harnessPool();
afterAll(() => {
  closeAll();
  expectNoSecretsLeaked();
});

/** The emulator's own fetch, counting the calls to the token endpoint (it never answers for the emulator). */
function countingTokenCalls(emulator: Emulator, count: { tokenCalls: number }): UpstreamFetch {
  return (request) => {
    if (new URL(request.url).pathname.endsWith('/token')) count.tokenCalls++;
    return emulator.fetch(request);
  };
}

function easemobProvider(
  emulator: Emulator,
  options: { secret?: string; now?: () => number; count?: { tokenCalls: number } } = {},
): AppTokenProvider {
  return createAppTokenProvider(
    { kind: 'easemob-client', clientId: DEMO_CLIENT_ID, clientSecret: options.secret ?? DEMO_CLIENT_SECRET },
    {
      ...(options.now === undefined ? {} : { now: options.now }),
      tokenEndpoint: {
        url: `${UPSTREAM_ORIGIN}${emulator.basePath}/token`,
        fetch: countingTokenCalls(emulator, options.count ?? { tokenCalls: 0 }),
      },
    },
  );
}

const threadPath = `/api/chat/thread/${DEMO_THREADS.small}`;

describe('Easemob credentials', () => {
  it('fetch a token once, share it between concurrent calls, and renew it before it expires', async () => {
    let now = 1_000_000;
    const count = { tokenCalls: 0 };
    const harness = harnessWith({
      tokenProvider: (_real, emulator) => easemobProvider(emulator, { now: () => now, count }),
    });
    const answers = await Promise.all([1, 2, 3].map(() => harness.call(threadPath)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(count.tokenCalls).toBe(1);
    const tokenRequest = harness.exchanges.find((exchange) => exchange.url.endsWith('/token'));
    // The token endpoint is reached by the provider's own fetch, not through the proxy's.
    expect(tokenRequest).toBeUndefined();

    // Asked for 24 h: still reused after 19 h, renewed after 20 h.
    now += 19 * 3600 * 1000;
    expect((await harness.call(threadPath)).status).toBe(200);
    expect(count.tokenCalls).toBe(1);
    now += 1.1 * 3600 * 1000;
    expect((await harness.call(threadPath)).status).toBe(200);
    expect(count.tokenCalls).toBe(2);
  });

  it('renew once on a 401 and repeat the call', async () => {
    let emulatorNow = Date.now();
    const count = { tokenCalls: 0 };
    const harness = harnessWith({
      emulator: { now: () => emulatorNow },
      tokenProvider: (_real, emulator) => easemobProvider(emulator, { count }),
    });
    expect((await harness.call(threadPath)).status).toBe(200);
    // The service's clock runs ahead: the held token has expired there, though not by the server's clock.
    emulatorNow += 25 * 3600 * 1000;
    expect((await harness.call(threadPath)).status).toBe(200);
    expect(count.tokenCalls).toBe(2);
    expect(harness.exchanges.map((exchange) => exchange.status)).toEqual([200, 401, 200]);
  });

  it('report a refused secret as refused credentials naming the Easemob settings; nothing is forwarded', async () => {
    const harness = harnessWith({
      tokenProvider: (_real, emulator) => easemobProvider(emulator, { secret: WRONG_SECRET }),
    });
    const response = await harness.call(threadPath);
    expect(response.status).toBe(502);
    expect(response.json).toMatchObject({
      exception: 'UpstreamCredentialsRefused',
      error_description: expect.stringContaining(
        'EASEMOB_CLIENT_ID and EASEMOB_CLIENT_SECRET (Easemob)',
      ) as unknown,
    });
    expect(harness.exchanges).toEqual([]);
    const ready = await harness.call('/readyz');
    expect(ready.json).toMatchObject({ reason: expect.stringContaining('EASEMOB_CLIENT_SECRET') as unknown });
  });

  it('reject with TokenUnavailable, never with the secret, when the endpoint refuses or cannot be reached', async () => {
    const harness = harnessWith();
    const refused = easemobProvider(harness.emulator, { secret: WRONG_SECRET });
    await expect(refused.token()).rejects.toEqual(new TokenUnavailable('refused'));
    // A real fetch to a loopback port nothing listens on.
    const unreachable = createAppTokenProvider(
      { kind: 'easemob-client', clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET },
      {
        tokenEndpoint: {
          url: 'http://127.0.0.1:1/demo/moderation/token',
          fetch: (request) => fetch(request),
        },
      },
    );
    const error: unknown = await unreachable.token().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TokenUnavailable);
    expect(String(error)).not.toContain(DEMO_CLIENT_SECRET);
  });
});
