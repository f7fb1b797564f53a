// How the proxy answers when the Chat API is slow, unreachable, or the browser gives up.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_THREADS } from '../emulator/demo-data.ts';
import { createHarness, expectNoSecretsLeaked, type Harness } from './test-harness.ts';

const harnesses: Harness[] = [];
function harnessWith(options: Parameters<typeof createHarness>[0]): Harness {
  const harness = createHarness({ ...options, emulator: { seed: 'none', ...options?.emulator } });
  harnesses.push(harness);
  return harness;
}

afterAll(() => {
  for (const harness of harnesses) harness.close();
  expectNoSecretsLeaked();
});

const path = `/api/chat/thread/${DEMO_THREADS.small}`;

/** A port that was just free: nothing listens there. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('proxy failures', () => {
  it('answers 504 when the Chat API does not answer in time', async () => {
    const harness = harnessWith({
      emulator: { latency: { minMs: 300, maxMs: 300 } },
      proxy: { timeoutMs: 50 },
    });
    const started = Date.now();
    const response = await harness.call(path);
    expect(Date.now() - started).toBeLessThan(250);
    expect(response.status).toBe(504);
    expect(response.json).toMatchObject({ error: 'gateway_timeout', exception: 'UpstreamTimeout' });
    expect((response.json as { error_description: string }).error_description).toContain('did not answer');
    // The upstream call itself was aborted, not left running.
    expect(harness.exchanges[0]?.signal.aborted).toBe(true);
  });

  it("answers 502 naming a real project's host when the Chat API is unreachable", async () => {
    const port = await closedPort();
    const host = `http://127.0.0.1:${port}`;
    const harness = harnessWith({
      upstreamOrigin: host,
      upstreamFetch: () => (request) => fetch(request),
      backend: { backend: 'agora' },
    });
    const response = await harness.call(path);
    expect(response.status).toBe(502);
    expect(response.json).toMatchObject({
      error: 'bad_gateway',
      error_description: `Could not reach the Chat API at ${host}.`,
    });
    expect(harness.exchanges).toHaveLength(1);
  });

  it("does not name the embedded emulator's loopback port when it is unreachable", async () => {
    const port = await closedPort();
    const harness = harnessWith({
      upstreamOrigin: `http://127.0.0.1:${port}`,
      upstreamFetch: () => (request) => fetch(request),
    });
    const response = await harness.call(path);
    expect(response.status).toBe(502);
    expect(response.text).not.toContain(String(port));
    expect(response.json).toMatchObject({ error_description: 'Could not reach the embedded Chat emulator.' });
  });

  it('answers 502 when the connection drops without an answer', async () => {
    const harness = harnessWith({});
    harness.emulator.setFaults({ script: ['after-drop'] });
    const response = await harness.call(path);
    expect(response.status).toBe(502);
  });

  it('aborts the upstream call when the browser aborts', async () => {
    const harness = harnessWith({ emulator: { latency: { minMs: 200, maxMs: 200 } } });
    const browser = new AbortController();
    const pending = harness.app.request(path, { signal: browser.signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    browser.abort();
    const response = await pending;
    expect(response.status).toBe(499);
    expect(harness.exchanges[0]?.signal.aborted).toBe(true);
  });
});
