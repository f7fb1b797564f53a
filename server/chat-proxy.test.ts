import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_GROUP_ID, DEMO_THREADS, DEMO_USERS } from '../emulator/demo-data.ts';
import {
  createHarness,
  expectNoSecretsLeaked,
  UPSTREAM_ORIGIN,
  type ObservedResponse,
} from './test-harness.ts';

const harness = createHarness();
const { exchanges } = harness;
const thread = DEMO_THREADS.small;

afterAll(() => {
  harness.close();
  expectNoSecretsLeaked();
});

/** Calls the proxy and returns the response with the one upstream exchange it caused. */
async function forward(
  path: string,
  init?: RequestInit,
): Promise<[ObservedResponse, (typeof exchanges)[number]]> {
  const before = exchanges.length;
  const response = await harness.call(path, init);
  expect(exchanges.length, 'exactly one upstream call').toBe(before + 1);
  const exchange = exchanges[before];
  if (exchange === undefined) throw new Error('no upstream call');
  return [response, exchange];
}

/** The upstream's answer, as the browser gets it: the same but for the upstream's own address (`uri`). */
function expectPassedThrough(response: ObservedResponse, exchange: (typeof exchanges)[number]): void {
  expect(response.status).toBe(exchange.status);
  expect(response.headers.get('content-type')).toBe(exchange.responseContentType);
  const upstream = parsed(exchange.responseText ?? '');
  if (upstream === undefined) {
    expect(response.text).toBe(exchange.responseText);
    return;
  }
  const rest: Record<string, unknown> = { ...(upstream as Record<string, unknown>) };
  delete rest.uri;
  expect(response.json).toEqual(rest);
  expect(response.text).not.toContain(UPSTREAM_ORIGIN);
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const json = (body: unknown, method: string): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('chat proxy: allowed routes', () => {
  it('lists members, forwarding limit and cursor only', async () => {
    const [first, exchange] = await forward(`/api/chat/thread/${thread}/users?limit=5&sort=asc&debug=1`);
    expect(exchange.method).toBe('GET');
    expect(exchange.url).toBe(`${UPSTREAM_ORIGIN}/demo/moderation/thread/${thread}/users?limit=5`);
    expectPassedThrough(first, exchange);
    expect(first.status).toBe(200);
    const cursor = (first.json as { properties: { cursor: string } }).properties.cursor;
    const [second, next] = await forward(`/api/chat/thread/${thread}/users?limit=5&cursor=${cursor}`);
    expect(next.url).toContain(`cursor=${cursor}`);
    expectPassedThrough(second, next);
    expect(second.json).toMatchObject({ data: { affiliations: expect.any(Array) as unknown } });
  });

  it('adds and removes members with the JSON body unchanged', async () => {
    const body = { usernames: [DEMO_USERS.lurker] };
    const [added, addExchange] = await forward(`/api/chat/thread/${thread}/users`, json(body, 'POST'));
    expect(addExchange.body).toBe(JSON.stringify(body));
    expect(addExchange.headers['content-type']).toBe('application/json');
    expectPassedThrough(added, addExchange);
    expect(added.json).toMatchObject({ data: { status: 'ok' } });

    const [removed, removeExchange] = await forward(`/api/chat/thread/${thread}/users`, json(body, 'DELETE'));
    expect(removeExchange.method).toBe('DELETE');
    expectPassedThrough(removed, removeExchange);
    expect(removed.json).toMatchObject({ entities: [{ result: true, user: DEMO_USERS.lurker }] });
  });

  it.each([
    [`thread?limit=3&sort=asc&cursor=`, 'thread?limit=3&cursor=&sort=asc'],
    [`thread/${thread}`, `thread/${thread}`],
    [
      `threads/user/${DEMO_USERS.alice}?limit=2&sort=desc`,
      `threads/user/${DEMO_USERS.alice}?limit=2&sort=desc`,
    ],
    [
      `threads/chatgroups/${DEMO_GROUP_ID}/user/${DEMO_USERS.spammer}?limit=2`,
      `threads/chatgroups/${DEMO_GROUP_ID}/user/${DEMO_USERS.spammer}?limit=2`,
    ],
  ])('forwards GET %s', async (target, upstreamTarget) => {
    const [response, exchange] = await forward(`/api/chat/${target}`);
    expect(exchange.url).toBe(`${UPSTREAM_ORIGIN}/demo/moderation/${upstreamTarget}`);
    expect(response.status).toBe(200);
    expectPassedThrough(response, exchange);
  });

  it("keeps the upstream's own address (`uri`) from the browser", async () => {
    const [response, exchange] = await forward(`/api/chat/thread/${thread}`);
    expect(exchange.responseText).toContain(`"uri":"${UPSTREAM_ORIGIN}/demo/moderation/thread/${thread}"`);
    expect(response.json).not.toHaveProperty('uri');
    expect(response.json).toMatchObject({ path: `/thread/${thread}`, data: { id: thread } });
  });

  it('passes Chat API errors through unchanged', async () => {
    const [missing, missingExchange] = await forward('/api/chat/thread/999999999999999/users');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ error: 'group_error', error_description: 'thread not found.' });
    expectPassedThrough(missing, missingExchange);

    const [tooMany, tooManyExchange] = await forward(`/api/chat/thread/${thread}/users?limit=51`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.json).toMatchObject({ error_description: 'query param reaches limit.' });
    expectPassedThrough(tooMany, tooManyExchange);

    const [outsider, outsiderExchange] = await forward(
      `/api/chat/thread/${thread}/users`,
      json({ usernames: [DEMO_USERS.outsider] }, 'POST'),
    );
    expect(outsider.status).toBe(403);
    expectPassedThrough(outsider, outsiderExchange);
  });

  it('passes a 503 with an empty body through as empty', async () => {
    harness.emulator.setFaults({ script: ['before-503'] });
    const [response, exchange] = await forward(`/api/chat/thread/${thread}`);
    expect(response.status).toBe(503);
    expect(response.text).toBe('');
    expectPassedThrough(response, exchange);
  });

  it('passes the gateway 413 page through for a body the API refuses', async () => {
    const usernames = Array.from({ length: 600 }, (_, i) => `user${String(i).padStart(6, '0')}`);
    const [response, exchange] = await forward(
      `/api/chat/thread/${thread}/users`,
      json({ usernames }, 'POST'),
    );
    expect(response.status).toBe(413);
    expectPassedThrough(response, exchange);
  });
});

describe('chat proxy: headers', () => {
  it('sends its own token and only Content-Type and Accept from the browser', async () => {
    const [, exchange] = await forward(`/api/chat/thread/${thread}/users`, {
      method: 'DELETE',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        cookie: 'session=browser-cookie',
        authorization: 'Bearer browser-token',
        'x-forwarded-for': '10.0.0.1',
        'x-custom': '1',
      },
      body: JSON.stringify({ usernames: ['nobody-here'] }),
    });
    expect(Object.keys(exchange.headers).sort()).toEqual(['accept', 'authorization', 'content-type']);
    expect(exchange.headers.authorization).toMatch(/^Bearer 007/);
    expect(exchange.headers.authorization).not.toContain('browser-token');
    expect(exchange.status).toBe(200);
  });

  it('returns only the content type from upstream, plus no-store, its request id and security headers', async () => {
    const response = await harness.call(`/api/chat/thread/${thread}`);
    expect([...response.headers.keys()].sort()).toEqual([
      'cache-control',
      'content-type',
      'referrer-policy',
      'x-content-type-options',
      'x-request-id',
    ]);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('chat proxy: refusals', () => {
  it.each([
    ['POST', 'thread'],
    ['PUT', `thread/${thread}`],
    ['DELETE', `thread/${thread}`],
    ['PATCH', `thread/${thread}/users`],
    ['GET', 'threads/user'],
    ['GET', `threads/${thread}/users`],
    ['GET', `thread/${thread}/users/extra`],
    ['GET', ''],
    ['GET', `thread//users`],
    ['GET', `thread/${thread}/users/`],
    ['GET', 'thread/a%2fb/users'],
    ['GET', 'thread/a%252fb/users'],
    ['GET', 'thread/%2e%2e/_emulator/token'],
    ['GET', 'thread/..%2f..%2f_emulator/token'],
    ['GET', '/evil.example/thread'],
    ['GET', 'http://evil.example/thread'],
    ['GET', 'https:/evil.example/thread'],
    ['POST', '_emulator/reset'],
    ['GET', '_emulator/token'],
    ['GET', 'users'],
  ])('refuses %s /api/chat/%s without calling upstream', async (method, target) => {
    const before = harness.exchanges.length;
    const response = await harness.call(`/api/chat/${target}`, { method });
    expect(response.status).toBe(404);
    expect(response.json).toMatchObject({ error: 'not_found', exception: 'ProxyRouteNotAllowed' });
    expect((response.json as { error_description: string }).error_description).toContain('does not forward');
    expect(harness.exchanges.length).toBe(before);
  });

  it('rejects a malformed query parameter without calling upstream', async () => {
    const before = harness.exchanges.length;
    const response = await harness.call(`/api/chat/thread?limit=10&limit=20`);
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: 'illegal_argument' });
    expect(harness.exchanges.length).toBe(before);
  });

  it('refuses a body over 8 KB with 413 before calling upstream', async () => {
    const before = harness.exchanges.length;
    const response = await harness.call(
      `/api/chat/thread/${thread}/users`,
      json({ pad: 'x'.repeat(9000) }, 'POST'),
    );
    expect(response.status).toBe(413);
    expect(response.json).toMatchObject({ error: 'request_entity_too_large' });
    expect(harness.exchanges.length).toBe(before);
  });

  it('refuses an oversized streamed body that declares no length', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(4096));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await harness.call(`/api/chat/thread/${thread}/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });
});
