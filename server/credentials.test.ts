import { afterAll, describe, expect, it } from 'vitest';
import { createEmulator, DEMO_APP_CERTIFICATE, DEMO_APP_ID } from '../emulator/emulator.ts';
import { DEMO_THREADS } from '../emulator/demo-data.ts';
import { ConfigError } from './config.ts';
import { APP_TOKEN_LIFETIME_SECONDS, createAppTokenProvider } from './credentials.ts';

const emulator = createEmulator({ seed: 'demo', rateLimit: null });
afterAll(() => emulator.close());

const certificate = {
  kind: 'app-certificate',
  appId: DEMO_APP_ID,
  appCertificate: DEMO_APP_CERTIFICATE,
} as const;

async function statusWith(token: string): Promise<number> {
  const response = await emulator.fetch(`http://chat.test${emulator.basePath}/thread/${DEMO_THREADS.small}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return response.status;
}

describe('app token provider', () => {
  it('mints a 24 h app token the Chat API accepts', async () => {
    const provider = createAppTokenProvider(certificate);
    expect(provider.kind).toBe('app-certificate');
    expect(await provider.token()).toMatch(/^007/);
    expect(await statusWith(await provider.token())).toBe(200);
    expect(APP_TOKEN_LIFETIME_SECONDS).toBe(86_400);
  });

  it('reuses the token until less than 20% of its lifetime is left, then renews', async () => {
    let now = 1_000_000;
    const lifetimeMs = APP_TOKEN_LIFETIME_SECONDS * 1000;
    const provider = createAppTokenProvider(certificate, { now: () => now });
    const first = await provider.token();
    now += lifetimeMs * 0.79;
    expect(await provider.token()).toBe(first);
    now += lifetimeMs * 0.02;
    const second = await provider.token();
    expect(second).not.toBe(first);
    now += lifetimeMs * 0.5;
    expect(await provider.token()).toBe(second);
  });

  it('mints a fresh token after invalidate()', async () => {
    const provider = createAppTokenProvider(certificate, { now: () => 0 });
    const first = await provider.token();
    provider.invalidate();
    const second = await provider.token();
    expect(second).not.toBe(first);
    expect(await statusWith(second)).toBe(200);
  });

  it('a token minted with another certificate is refused by the API', async () => {
    const provider = createAppTokenProvider({ ...certificate, appCertificate: '0'.repeat(32) });
    expect(await statusWith(await provider.token())).toBe(401);
  });

  it('turns malformed App ID or certificate into a ConfigError at creation', () => {
    expect(() => createAppTokenProvider({ ...certificate, appCertificate: 'not-hex' })).toThrow(ConfigError);
    expect(() => createAppTokenProvider({ ...certificate, appId: '' })).toThrow(/AGORA_APP_ID/);
  });

  it('serves a fixed app token unchanged, and invalidate() keeps it', async () => {
    const issued = emulator.issueAppToken();
    const provider = createAppTokenProvider({ kind: 'app-token', token: issued });
    provider.invalidate();
    expect(provider.kind).toBe('app-token');
    expect(await provider.token()).toBe(issued);
    expect(await statusWith(await provider.token())).toBe(200);
  });
});
