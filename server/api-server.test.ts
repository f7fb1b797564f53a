// The start-up path of `npm start` minus the SPA build: embedded emulator on a real port, server on another.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_THREADS } from '../emulator/demo-data.ts';
import { DEMO_APP_CERTIFICATE } from '../emulator/emulator.ts';
import { startApiServer, type RunningApiServer } from './api-server.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';

let dataDir: string;
let server: RunningApiServer;
const logLines: string[] = [];
const logger = createLogger((line) => logLines.push(line), { level: 'debug' });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'tma-data-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: path.join(dataDir, 'nested') });
  server = await startApiServer(config, { distDir: path.join(dataDir, 'dist'), logger });
});

afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('startApiServer', () => {
  it('starts the embedded emulator with its database under DATA_DIR', async () => {
    expect(server.backendLabel).toBe('emulator');
    expect(server.emulatorControlUrl).toBeNull();
    expect((await stat(path.join(dataDir, 'nested', 'emulator.sqlite'))).isFile()).toBe(true);
    // What `npm start` prints: where the data lives, and that this start seeded the demo data.
    expect(server.emulatorData).toEqual({
      database: path.join(dataDir, 'nested', 'emulator.sqlite'),
      seedMs: expect.any(Number) as unknown,
    });
  });

  it('proxies to the emulator over HTTP with a minted token', async () => {
    const response = await fetch(`${server.url}/api/chat/thread/${DEMO_THREADS.small}/users?limit=3`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { affiliations: string[] } };
    expect(body.data.affiliations).toHaveLength(3);
    const session = await fetch(`${server.url}/api/session`);
    expect(await session.json()).toEqual({
      backend: 'emulator',
      org: 'demo',
      app: 'moderation',
      credential: 'app-certificate',
      auth: 'none',
      user: { name: 'local', role: 'moderator' },
    });
  });

  it('keeps the emulator control routes off unless EMULATOR_CONTROL_PORT asks', async () => {
    const response = await fetch(`${server.url}/api/chat/_emulator/token`);
    expect(response.status).toBe(404);
  });

  it('refuses to start with passwords but no accounts, saying how to create one', async () => {
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: path.join(dataDir, 'no-accounts'),
      AUTH_MODE: 'password',
    });
    await expect(startApiServer(config, { distDir: dataDir, logger })).rejects.toThrow(
      /holds no accounts.*npm run users -- add NAME --role moderator/,
    );
  });

  it('reports a busy port as a configuration error', async () => {
    const port = new URL(server.url).port;
    const config = loadConfig({
      PORT: port,
      // Its own folder: the default, .data/, is where a developer's `npm start` keeps its data.
      DATA_DIR: path.join(dataDir, 'busy'),
      CHAT_HOST: 'http://127.0.0.1:9',
      CHAT_ORG: 'o',
      CHAT_APP: 'a',
      CHAT_APP_TOKEN: 'fixed-token-value',
    });
    await expect(startApiServer(config, { distDir: dataDir, logger })).rejects.toThrow(ConfigError);
  });

  it('exposes control routes on their own port with EMULATOR_CONTROL_PORT', async () => {
    const controlPort = await freePort();
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: path.join(dataDir, 'control'),
      EMULATOR_CONTROL_PORT: String(controlPort),
    });
    const withControl = await startApiServer(config, { distDir: dataDir, logger });
    try {
      expect(withControl.emulatorControlUrl).toBe(`http://127.0.0.1:${controlPort}`);
      const faults = await fetch(`http://127.0.0.1:${controlPort}/_emulator/faults`);
      expect(faults.status).toBe(200);
      // Still unreachable through the dashboard's proxy.
      expect((await fetch(`${withControl.url}/api/chat/_emulator/faults`)).status).toBe(404);
    } finally {
      await withControl.close();
    }
  });

  it('logged no token or certificate', () => {
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) {
      // Minted tokens stay inside startApiServer, so look for their fixed AccessToken2 prefix instead.
      expect(line).not.toMatch(/007eJ|fixed-token-value/);
      expect(line).not.toContain(DEMO_APP_CERTIFICATE);
    }
  });
});

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
