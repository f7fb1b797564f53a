// The emulator `npm start` embeds: credentials of its own for each start, and answers only to loopback names.
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import agoraToken from 'agora-token';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_VARIANTS } from '../emulator/api-variants.ts';
import { DEMO_THREADS } from '../emulator/demo-data.ts';
import { DEMO_APP_CERTIFICATE, DEMO_APP_ID } from '../emulator/emulator.ts';
import type { EmbeddedEmulatorConfig } from './config.ts';
import { startEmbeddedEmulator, type EmbeddedEmulator } from './embedded-emulator.ts';

const { ChatTokenBuilder } = agoraToken;

const settings: EmbeddedEmulatorConfig = {
  kind: 'embedded',
  rateLimit: null,
  latency: null,
  faultRate: 0,
  controlPort: null,
  variants: DEFAULT_API_VARIANTS,
};

let dataDir: string;
const started: EmbeddedEmulator[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'tma-embedded-'));
});

afterAll(async () => {
  for (const emulator of started) await emulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function start(name: string, overrides: Partial<EmbeddedEmulatorConfig> = {}) {
  const emulator = await startEmbeddedEmulator({ ...settings, ...overrides }, path.join(dataDir, name));
  started.push(emulator);
  return emulator;
}

function mint(appId: string, appCertificate: string): string {
  return ChatTokenBuilder.buildAppToken(appId, appCertificate, 600);
}

/** GET one thread with `token`, optionally under another Host name (fetch would not let us set it). */
function threadStatus(emulator: EmbeddedEmulator, token: string, host?: string): Promise<number> {
  const url = new URL(`${emulator.url}/${emulator.org}/${emulator.app}/thread/${DEMO_THREADS.small}`);
  return new Promise((resolve, reject) => {
    const sent = httpRequest(
      url,
      { headers: { authorization: `Bearer ${token}`, ...(host === undefined ? {} : { host }) } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    sent.on('error', reject);
    sent.end();
  });
}

describe('embedded emulator', () => {
  it('makes up new credentials at each start and refuses tokens from the public demo ones', async () => {
    const first = await start('first');
    const second = await start('second');
    if (first.credentials.kind !== 'app-certificate' || second.credentials.kind !== 'app-certificate') {
      throw new Error('the embedded emulator should hand the server an App ID and certificate');
    }
    const { appId, appCertificate } = first.credentials;
    expect([appId, appCertificate]).not.toContain(DEMO_APP_ID);
    expect(appCertificate).not.toBe(DEMO_APP_CERTIFICATE);
    expect(second.credentials.appCertificate).not.toBe(appCertificate);
    expect(await threadStatus(first, mint(appId, appCertificate))).toBe(200);
    expect(await threadStatus(first, mint(DEMO_APP_ID, DEMO_APP_CERTIFICATE))).toBe(401);
    expect(await threadStatus(second, mint(appId, appCertificate))).toBe(401);
  });

  it('answers only requests addressed to a loopback name', async () => {
    const emulator = await start('hosts');
    if (emulator.credentials.kind !== 'app-certificate')
      throw new Error('expected an App ID and certificate');
    const token = mint(emulator.credentials.appId, emulator.credentials.appCertificate);
    const port = new URL(emulator.url).port;
    expect(await threadStatus(emulator, token, `localhost:${port}`)).toBe(200);
    expect(await threadStatus(emulator, token, `[::1]:${port}`)).toBe(200);
    expect(await threadStatus(emulator, token, `rebound.example:${port}`)).toBe(421);
    expect(await threadStatus(emulator, token, 'rebound.example')).toBe(421);
  });

  it('keeps the demo credentials when EMULATOR_CONTROL_PORT opens it to test suites', async () => {
    const emulator = await start('control', { controlPort: 0 });
    expect(emulator.credentials).toEqual({
      kind: 'app-certificate',
      appId: DEMO_APP_ID,
      appCertificate: DEMO_APP_CERTIFICATE,
    });
    expect(await threadStatus(emulator, mint(DEMO_APP_ID, DEMO_APP_CERTIFICATE))).toBe(200);
  });
});
