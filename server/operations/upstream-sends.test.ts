import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatEndpoint } from './call-governor.ts';
import { upstreamSends } from './upstream-sends.ts';

let server: Server | undefined;
afterEach(() => server?.close());

async function listening(): Promise<string> {
  const listener = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.end('{}'));
  });
  server = listener;
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
}

describe('upstreamSends', () => {
  it("hears each call to the app's thread endpoints as it leaves, and nothing else", async () => {
    const host = await listening();
    const heard: ChatEndpoint[] = [];
    const stop = upstreamSends({ host, org: 'org', app: 'app' })((endpoint) => heard.push(endpoint));
    const body = JSON.stringify({ usernames: ['ann'] });
    const headers = { 'content-type': 'application/json' };
    await fetch(`${host}/org/app/thread/t1/users`, { method: 'POST', body, headers });
    await fetch(`${host}/org/app/thread/t1/users?limit=50`);
    await fetch(`${host}/org/app/thread/t1/users`, { method: 'DELETE', body, headers });
    // Another app's calls, and the token endpoint, spend none of these budgets.
    await fetch(`${host}/org/other/thread/t1/users?limit=50`);
    await fetch(`${host}/org/app/token`, { method: 'POST', body: '{}', headers });
    stop();
    await fetch(`${host}/org/app/thread/t1`);
    expect(heard).toEqual(['add-members', 'members', 'remove-members']);
  });
});
