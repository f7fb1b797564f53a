// The security suite: what an attacker would try against the server, each refused before anything reaches
// the Chat API (a signed-in person's attempt is recorded as refused), and no secret in any response or log line along the way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_THREADS, DEMO_USERS } from '../emulator/demo-data.ts';
import { readCsv } from '../src/lib/csv-file.ts';
import { runsAsFormula } from '../src/test/csv-injection-payloads.ts';
import { signIn, TEST_PROXY_AUTH, testAccounts, withCookie, type TestAccounts } from './auth-test-support.ts';
import { listen, type Listening } from './listen.ts';
import { expectNoSecretsLeaked, harnessPool, rawHttpRequest, type Harness } from './test-harness.ts';

const { harnessWith, closeAll } = harnessPool();
const ann = { name: 'ann', role: 'moderator', password: 'ann-security-suite-pass' } as const;
const vic = { name: 'vic', role: 'viewer', password: 'vic-security-suite-pass' } as const;
let accounts: TestAccounts;
let now = Date.parse('2026-11-30T09:00:00Z');

beforeAll(async () => {
  accounts = await testAccounts([ann, vic]);
});

afterAll(async () => {
  closeAll();
  await accounts.remove();
  expectNoSecretsLeaked();
});

const membersPath = `/api/chat/thread/${DEMO_THREADS.small}/users`;
const change = (method: string, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ usernames: [DEMO_USERS.lurker] }),
});

function passwordHarness(): Harness {
  return harnessWith({
    auth: { mode: 'password', usersFile: accounts.usersFile, sessionHours: 12 },
    now: () => now,
  });
}

/** Nothing reached the Chat API and nothing was recorded as done. */
function expectUntouched(harness: Harness): void {
  expect(harness.exchanges).toEqual([]);
  expect(harness.audit.list({}, 10).entries).toEqual([]);
}

/** Nothing reached the Chat API, and each attempt is in the audit log as refused, with who tried and why. */
function expectRefusedAttempts(harness: Harness, attempts: number, actor: string, error: string): void {
  expect(harness.exchanges).toEqual([]);
  const { entries } = harness.audit.list({}, 10);
  expect(entries).toHaveLength(attempts);
  for (const entry of entries) {
    expect(entry).toMatchObject({ actor, outcomes: { refused: 1 }, username: DEMO_USERS.lurker });
    expect(entry.refusal).toContain(error);
  }
}

describe('path traversal against the proxy', () => {
  const harness = harnessWith({ emulator: { control: true } });
  let server: Listening;
  beforeAll(async () => {
    server = await listen(harness.app, '127.0.0.1', 0);
  });
  afterAll(() => server.close());

  it.each([
    ['POST', `/api/chat/thread/${DEMO_THREADS.small}/users/../../thread/${DEMO_THREADS.large}/users`],
    ['DELETE', `/api/chat/thread/../thread/${DEMO_THREADS.small}/users`],
    ['POST', '/api/chat/thread/%2e%2e/%2e%2e/_emulator/reset'],
    ['POST', '/api/chat/thread/%252e%252e%252f_emulator/reset'],
    ['POST', '/api/chat/thread/..%5c..%5c_emulator/reset'],
    ['POST', '/api/chat/thread/%c0%ae%c0%ae/_emulator/reset'],
    ['DELETE', `/api/chat/threads/${DEMO_THREADS.small}`],
    ['POST', '/api/chat/thread'],
    ['GET', '/api/chat/thread/..;/_emulator/token'],
    ['GET', '/api/chat/thread/180000000100003%00/users'],
    ['GET', '/api/chat/%2fthread'],
    ['GET', '/api/chat/thread/180000000100003/users/.%2e/.%2e/_emulator/token'],
    ['GET', '//api/chat/../../_emulator/token'],
  ])('%s %s is never forwarded and never recorded', async (method, target) => {
    const response = await rawHttpRequest(server.port, target, method);
    expect([400, 403, 404, 503]).toContain(response.status);
    expect(response.text).not.toContain('"token"');
    expectUntouched(harness);
  });
});

describe('cross-origin changes', () => {
  it.each<Record<string, string>>([
    { origin: 'https://evil.example' },
    { origin: 'null' },
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site', origin: 'http://localhost' },
  ])('are refused even with a moderator’s session: %o', async (headers) => {
    const harness = passwordHarness();
    const { cookie } = await signIn(harness, ann.name, ann.password);
    for (const method of ['POST', 'DELETE']) {
      const response = await harness.call(membersPath, withCookie(cookie, change(method, headers)));
      expect(response.status).toBe(403);
      expect(response.json).toMatchObject({ error: 'forbidden_origin' });
    }
    expectRefusedAttempts(harness, 2, ann.name, 'forbidden_origin');
  });

  it('cannot sign a browser in from another site', async () => {
    const harness = passwordHarness();
    const { response, setCookie } = await signIn(harness, ann.name, ann.password, {
      headers: { origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
    expect(setCookie).toBe('');
  });
});

describe("a viewer's change", () => {
  it('is refused with 403 for every changing method, whatever the page offered', async () => {
    const harness = passwordHarness();
    const { cookie } = await signIn(harness, vic.name, vic.password);
    for (const method of ['POST', 'DELETE', 'PUT', 'PATCH']) {
      const response = await harness.call(membersPath, withCookie(cookie, change(method)));
      expect(response.status, method).toBe(403);
      expect(response.json).toMatchObject({ error: 'forbidden_role' });
    }
    // PUT and PATCH change no member anywhere, so only the add and the removal are attempts to record.
    expectRefusedAttempts(harness, 2, vic.name, 'forbidden_role');
  });
});

describe('forged and expired sessions', () => {
  it('refuses a made-up, a tampered and another server’s session cookie', async () => {
    const harness = passwordHarness();
    const other = passwordHarness();
    const { cookie } = await signIn(harness, ann.name, ann.password);
    const fromOther = (await signIn(other, ann.name, ann.password)).cookie;
    const tampered = `${cookie.slice(0, -1)}${cookie.endsWith('A') ? 'B' : 'A'}`;
    for (const forged of ['tma_session=admin', `tma_session=${'x'.repeat(43)}`, tampered, fromOther]) {
      const response = await harness.call(membersPath, withCookie(forged, change('POST')));
      expect(response.status, forged).toBe(401);
      expect(response.json).toMatchObject({ error: 'sign_in_required' });
    }
    expectUntouched(harness);
  });

  it('refuses a session after its lifetime', async () => {
    const harness = passwordHarness();
    const { cookie } = await signIn(harness, ann.name, ann.password);
    now += 12 * 60 * 60 * 1000;
    const response = await harness.call(membersPath, withCookie(cookie, change('POST')));
    expect(response.status).toBe(401);
    expectUntouched(harness);
  });
});

describe('the sign-in proxy header', () => {
  const proxy = TEST_PROXY_AUTH;

  it.each(['10.0.0.66', '127.0.0.1', '10.9.9.99', '::ffff:10.9.9.10'])(
    'from an untrusted address (%s) is refused, even claiming to come through the proxy',
    async (from) => {
      const harness = harnessWith({ auth: proxy });
      const headers = {
        'x-forwarded-email': 'ann@example.com',
        'x-forwarded-for': '10.9.9.9',
        'x-real-ip': '10.9.9.9',
      };
      const read = await harness.call('/api/session', { headers }, from);
      expect(read.status).toBe(403);
      const changed = await harness.call(membersPath, change('POST', headers), from);
      expect(changed.status).toBe(403);
      expectUntouched(harness);
    },
  );
});

describe('formula payloads in the activity export', () => {
  it('are neutralised in every cell a person or the API could choose', async () => {
    const harness = harnessWith({
      auth: {
        mode: 'proxy',
        header: 'X-Forwarded-Email',
        trustedAddresses: ['10.9.9.9'],
        moderators: ['=cmd|calc'],
      },
    });
    const asFormula = (init: RequestInit): RequestInit => ({
      ...init,
      headers: { ...(init.headers as Record<string, string>), 'x-forwarded-email': '=cmd|calc' },
    });
    const add = (usernames: string[]) =>
      asFormula({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ usernames }),
      });
    await harness.call(membersPath, add(['-2+3', '+1', '@sum']), '10.9.9.9');
    const csv = await harness.call('/api/activity/export.csv', asFormula({}), '10.9.9.9');
    const cells = (await readCsv(csv.text.replace(/^\uFEFF/, ''))).records.slice(1).flat();
    expect(cells).toContain("'=cmd|calc");
    expect(cells).toContain("'-2+3");
    expect(cells.filter(runsAsFormula)).toEqual([]);
  });
});
