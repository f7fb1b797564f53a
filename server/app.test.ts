import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_THREADS } from '../emulator/demo-data.ts';
import { createHarness, expectNoSecretsLeaked, type Harness } from './test-harness.ts';

let distDir: string;
let harness: Harness;

beforeAll(async () => {
  distDir = await mkdtemp(path.join(tmpdir(), 'tma-app-'));
  await writeFile(path.join(distDir, 'index.html'), '<!doctype html><title>Thread Members Admin</title>');
  harness = createHarness({ distDir });
});

afterAll(async () => {
  harness.close();
  await rm(distDir, { recursive: true, force: true });
  expectNoSecretsLeaked();
});

describe('server app', () => {
  it('answers /healthz', async () => {
    const response = await harness.call('/healthz');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ status: 'ok' });
  });

  it('describes the emulator session without host or credentials', async () => {
    const response = await harness.call('/api/session');
    expect(response.json).toEqual({
      backend: 'emulator',
      org: 'demo',
      app: 'moderation',
      credential: 'app-certificate',
      auth: 'none',
      user: { name: 'local', role: 'moderator' },
    });
  });

  it('describes a real project with its host', async () => {
    const agora = createHarness({
      backend: {
        backend: 'agora',
        host: 'https://a41.chat.agora.io',
        org: 'org1',
        app: 'app1',
        credential: 'app-token',
      },
    });
    const response = await agora.call('/api/session');
    agora.close();
    expect(response.json).toEqual({
      backend: 'agora',
      host: 'https://a41.chat.agora.io',
      org: 'org1',
      app: 'app1',
      credential: 'app-token',
      auth: 'none',
      user: { name: 'local', role: 'moderator' },
    });
  });

  it('answers unknown /api paths with a JSON 404, never the SPA', async () => {
    for (const target of ['/api/nothing', '/api', '/api/chat']) {
      const response = await harness.call(target);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
    }
  });

  it('serves the SPA with fallback for client routes', async () => {
    const response = await harness.call(`/threads/${DEMO_THREADS.small}`);
    expect(response.status).toBe(200);
    expect(response.text).toContain('Thread Members Admin');
  });

  it('logs the route of a user lookup, not the username', async () => {
    const before = harness.logLines.length;
    await harness.call('/api/chat/threads/user/spammer?limit=5');
    await harness.call(`/api/chat/threads/chatgroups/${DEMO_THREADS.small}/user/alice`);
    const paths = harness.logLines.slice(before).map((line) => (JSON.parse(line) as { path: string }).path);
    expect(paths).toEqual([
      '/api/chat/threads/user/:username',
      `/api/chat/threads/chatgroups/${DEMO_THREADS.small}/user/:username`,
    ]);
  });

  it('logs one JSON line per request at debug, with the id it sends back', async () => {
    const before = harness.logLines.length;
    const response = await harness.call(`/api/chat/thread/${DEMO_THREADS.small}/users?limit=2&tag=c2VjcmV0`, {
      headers: { cookie: 'session=abc123', authorization: 'Bearer browser-secret' },
    });
    const lines = harness.logLines.slice(before);
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(entry).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      level: 'debug',
      msg: 'request',
      requestId: response.headers.get('x-request-id'),
      method: 'GET',
      path: `/api/chat/thread/${DEMO_THREADS.small}/users`,
      status: 200,
      ms: expect.any(Number) as unknown,
    });
    expect(lines[0]).not.toMatch(/abc123|browser-secret|c2VjcmV0/);
  });

  it('logs a request at debug, and one that failed with 5xx as error', async () => {
    await harness.call('/api/nothing');
    expect(JSON.parse(harness.logLines.at(-1) ?? '')).toMatchObject({ level: 'debug', status: 404 });
    harness.emulator.setFaults({ script: ['before-500'] });
    await harness.call(`/api/chat/thread/${DEMO_THREADS.small}`);
    expect(JSON.parse(harness.logLines.at(-1) ?? '')).toMatchObject({ level: 'error', status: 500 });
  });
});
