import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { upstreamHttp, type UpstreamHttp } from './upstream-http.ts';

let server: Server | undefined;
let upstream: UpstreamHttp | undefined;
afterEach(() => {
  upstream?.close();
  server?.close();
});

/** A Chat API stand-in that answers each call with what it received, and counts its connections. */
async function chatHost(): Promise<{ host: string; connections: () => number }> {
  let connections = 0;
  const listener = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url?.endsWith('/gone')) {
        response.writeHead(204).end();
        return;
      }
      if (request.url?.endsWith('/odd')) {
        response.writeHead(999).end('?');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json', 'x-seen': request.method ?? '' });
      response.end(
        JSON.stringify({ body: Buffer.concat(chunks).toString(), type: request.headers['content-type'] }),
      );
    });
  });
  listener.on('connection', () => (connections += 1));
  server = listener;
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  return {
    host: `http://127.0.0.1:${(listener.address() as AddressInfo).port}`,
    connections: () => connections,
  };
}

const json = { 'content-type': 'application/json' };
const removal = (url: string) =>
  new Request(url, { method: 'DELETE', headers: json, body: JSON.stringify({ usernames: ['ann'] }) });

describe('upstreamHttp', () => {
  it('keeps one connection for calls one after another, removals with their body included', async () => {
    const { host, connections } = await chatHost();
    upstream = upstreamHttp({ host, org: 'org', app: 'app' });
    const url = `${host}/org/app/thread/t1/users`;
    for (let call = 0; call < 3; call++) {
      const answer = await upstream.fetch(removal(url));
      expect(await answer.json()).toEqual({ body: '{"usernames":["ann"]}', type: 'application/json' });
    }
    await (await upstream.fetch(new Request(`${url}?limit=50`))).text();
    expect(connections()).toBe(1);
  });

  it("gives back the API's status, headers and body, and no body where the status has none", async () => {
    const { host } = await chatHost();
    upstream = upstreamHttp({ host, org: 'org', app: 'app' });
    const answer = await upstream.fetch(
      new Request(`${host}/org/app/thread/t1/users`, { method: 'POST', headers: json, body: '{}' }),
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-seen')).toBe('POST');
    expect(await answer.json()).toEqual({ body: '{}', type: 'application/json' });
    const gone = await upstream.fetch(new Request(`${host}/org/app/gone`));
    expect(gone.status).toBe(204);
    expect(gone.body).toBeNull();
    // A status no answer may have fails the call, and nothing else.
    await expect(upstream.fetch(new Request(`${host}/org/app/odd`))).rejects.toThrow(RangeError);
  });

  it("tells when each call to the app's thread endpoints leaves, and of nothing else", async () => {
    const { host } = await chatHost();
    upstream = upstreamHttp({ host, org: 'org', app: 'app' });
    const heard: string[] = [];
    const stop = upstream.sends((endpoint) => {
      heard.push(`${endpoint} handed over`);
      return () => heard.push(`${endpoint} written`);
    });
    const send = async (request: Request) => (await upstream?.fetch(request))?.text();
    await send(new Request(`${host}/org/app/thread/t1/users`, { method: 'POST', headers: json, body: '{}' }));
    await send(new Request(`${host}/org/app/thread/t1/users?limit=50`));
    await send(removal(`${host}/org/app/thread/t1/users`));
    // Another app's calls, and the token endpoint, spend none of these budgets.
    await send(new Request(`${host}/org/other/thread/t1/users?limit=50`));
    await send(new Request(`${host}/org/app/token`, { method: 'POST', headers: json, body: '{}' }));
    stop();
    await send(new Request(`${host}/org/app/thread/t1`));
    expect(heard).toEqual([
      'add-members handed over',
      'add-members written',
      'members handed over',
      'members written',
      'remove-members handed over',
      'remove-members written',
    ]);
  });

  it('gives up on a call whose signal aborts', async () => {
    const { host } = await chatHost();
    upstream = upstreamHttp({ host, org: 'org', app: 'app' });
    const request = new Request(`${host}/org/app/thread/t1`, { signal: AbortSignal.abort() });
    await expect(upstream.fetch(request)).rejects.toThrow(/abort/i);
  });
});
