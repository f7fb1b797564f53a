// Sign-in and roles as the server enforces them, whatever a page offers: password accounts with sessions,
// the sign-in proxy's header, and the moderator role for every change.
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_THREADS, DEMO_USERS } from '../emulator/demo-data.ts';
import { hashPassword, readAccounts, writeAccounts } from './accounts.ts';
import { signIn, TEST_PROXY_AUTH, testAccounts, withCookie, type TestAccounts } from './auth-test-support.ts';
import { createSessionStore } from './sessions.ts';
import { expectNoSecretsLeaked, harnessPool, type Harness } from './test-harness.ts';

const { harnessWith, closeAll } = harnessPool();
const PASSWORDS = { ann: 'ann-has-a-long-password', vic: 'vic-has-a-long-password' };
let accounts: TestAccounts;
let usersFile: string;

beforeAll(async () => {
  accounts = await testAccounts([
    { name: 'ann', role: 'moderator', password: PASSWORDS.ann },
    { name: 'vic', role: 'viewer', password: PASSWORDS.vic },
  ]);
  usersFile = accounts.usersFile;
});

afterAll(async () => {
  closeAll();
  await accounts.remove();
  expectNoSecretsLeaked();
});

const membersPath = `/api/chat/thread/${DEMO_THREADS.small}/users`;
const addLurker: RequestInit = {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ usernames: [DEMO_USERS.lurker] }),
};
function passwordHarness(): Harness {
  return harnessWith({ auth: { mode: 'password', usersFile, sessionHours: 12 } });
}

describe('AUTH_MODE=password', () => {
  it('asks for sign-in before any API call, but serves probes', async () => {
    const harness = passwordHarness();
    for (const target of ['/api/session', membersPath, '/api/activity']) {
      const response = await harness.call(target);
      expect(response.status, target).toBe(401);
      expect(response.json).toMatchObject({ error: 'sign_in_required' });
    }
    expect((await harness.call(membersPath, addLurker)).status).toBe(401);
    expect((await harness.call('/healthz')).status).toBe(200);
    expect(harness.exchanges).toHaveLength(0);
  });

  it('signs in with a session cookie that scripts cannot read and other sites cannot send', async () => {
    const harness = passwordHarness();
    const { response, setCookie, cookie } = await signIn(harness, 'ANN', PASSWORDS.ann);
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ name: 'ann', role: 'moderator' });
    expect(setCookie).toMatch(/^tma_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/);
    const session = await harness.call('/api/session', withCookie(cookie));
    expect(session.json).toMatchObject({ auth: 'password', user: { name: 'ann', role: 'moderator' } });

    // X-Forwarded-Proto is believed only from a trusted proxy.
    const claimed = await signIn(harness, 'ann', PASSWORDS.ann, {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(claimed.setCookie).not.toContain('; Secure');
  });

  it('behind a trusted reverse proxy, marks the cookie Secure and slows down each client, not the proxy', async () => {
    const harness = harnessWith({
      auth: { mode: 'password', usersFile, sessionHours: 12, trustedProxies: ['10.9.9.9'] },
    });
    const viaProxy = (client: string, password: string) =>
      signIn(harness, 'vic', password, {
        from: '10.9.9.9',
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': `203.0.113.99, ${client}` },
      });
    expect((await viaProxy('198.51.100.1', PASSWORDS.vic)).setCookie).toContain('; Secure');
    for (let i = 0; i < 4; i += 1) {
      expect((await viaProxy('198.51.100.66', `guess-${i}`)).response.status).toBe(401);
    }
    // The guesser's address is slowed down; another client of the same proxy, with another name, is not.
    const guesser = await signIn(harness, 'ann', 'one-more-guess', {
      from: '10.9.9.9',
      headers: { 'x-forwarded-for': '198.51.100.66' },
    });
    expect(guesser.response.status).toBe(429);
    const colleague = await signIn(harness, 'ann', PASSWORDS.ann, {
      from: '10.9.9.9',
      headers: { 'x-forwarded-for': '198.51.100.7' },
    });
    expect(colleague.response.status).toBe(200);
  });

  it('records the signed-in moderator as the actor of a change', async () => {
    const harness = passwordHarness();
    const { cookie } = await signIn(harness, 'ann', PASSWORDS.ann);
    expect((await harness.call(membersPath, withCookie(cookie, addLurker))).status).toBe(200);
    expect(harness.audit.list({}, 1).entries[0]).toMatchObject({ actor: 'ann', role: 'moderator' });
  });

  it("refuses a viewer's change with 403 before it reaches the Chat API, and lets the viewer browse", async () => {
    const harness = passwordHarness();
    const { cookie } = await signIn(harness, 'vic', PASSWORDS.vic);
    for (const method of ['POST', 'DELETE']) {
      const response = await harness.call(membersPath, withCookie(cookie, { ...addLurker, method }));
      expect(response.status).toBe(403);
      expect(response.json).toMatchObject({ error: 'forbidden_role' });
    }
    expect(harness.exchanges).toHaveLength(0);
    const refused = harness.audit.list({}, 10).entries;
    expect(refused.map(({ actor, role, action }) => [actor, role, action])).toEqual([
      ['vic', 'viewer', 'remove'],
      ['vic', 'viewer', 'add'],
    ]);
    expect((await harness.call(membersPath, withCookie(cookie))).status).toBe(200);
    expect((await harness.call('/api/activity/export.csv', withCookie(cookie))).status).toBe(200);
  });

  it('refuses a wrong password or an unknown name alike, and a forged session', async () => {
    const harness = passwordHarness();
    const wrong = await signIn(harness, 'ann', 'not-the-password', { from: '10.2.2.2' });
    const unknown = await signIn(harness, 'nobody', 'not-the-password', { from: '10.2.2.3' });
    for (const { response, setCookie } of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.json).toMatchObject({
        error_description: 'Wrong name or password. Check both and try again.',
      });
      expect(setCookie).toBe('');
    }
    const forged = await harness.call('/api/session', withCookie(`tma_session=${'A'.repeat(43)}`));
    expect(forged.status).toBe(401);
  });

  it('slows down repeated failures for a name from one address, even when the right password finally comes', async () => {
    const harness = passwordHarness();
    for (let i = 0; i < 4; i += 1) {
      expect((await signIn(harness, 'vic', `guess-number-${i}`, { from: '10.3.3.3' })).response.status).toBe(
        401,
      );
    }
    const throttled = await signIn(harness, 'vic', PASSWORDS.vic, { from: '10.3.3.3' });
    expect(throttled.response.status).toBe(429);
    expect(throttled.response.headers.get('retry-after')).toBe('1');
    expect(throttled.response.json).toMatchObject({
      error_description: expect.stringContaining('Wait 1 s') as unknown,
    });
  });

  it('slows down an address that guesses many names', async () => {
    const harness = passwordHarness();
    for (let i = 0; i < 4; i += 1) {
      expect((await signIn(harness, `name-${i}`, 'a-guess', { from: '10.5.5.5' })).response.status).toBe(401);
    }
    expect((await signIn(harness, 'ann', PASSWORDS.ann, { from: '10.5.5.5' })).response.status).toBe(429);
    expect((await signIn(harness, 'ann', PASSWORDS.ann, { from: '10.5.5.6' })).response.status).toBe(200);
  });

  it('lets a moderator in at once while a stranger guesses her password from rotating addresses', async () => {
    const harness = passwordHarness();
    for (let i = 0; i < 8; i += 1) {
      expect((await signIn(harness, 'ann', `guess-${i}`, { from: `127.0.0.${i + 2}` })).response.status).toBe(
        401,
      );
    }
    expect((await signIn(harness, 'ann', PASSWORDS.ann, { from: '10.6.6.6' })).response.status).toBe(200);
  });

  it('checks parallel sign-ins for one name from one address one at a time, so guesses cannot outrun the slow-down', async () => {
    const harness = passwordHarness();
    const guesses = Array.from({ length: 12 }, (_, i) =>
      signIn(harness, 'ann', `parallel-guess-${i}`, { from: '10.4.4.4' }),
    );
    const statuses = (await Promise.all(guesses)).map(({ response }) => response.status);
    // Most are turned away while one is being checked; none of the rest is checked meanwhile.
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(4);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(8);
  });

  it('signs out: the cookie is cleared and the session is gone on the server', async () => {
    const harness = passwordHarness();
    const { cookie } = await signIn(harness, 'ann', PASSWORDS.ann);
    const out = await harness.call('/api/auth/sign-out', withCookie(cookie, { method: 'POST' }));
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^tma_session=; Max-Age=0/);
    expect((await harness.call('/api/session', withCookie(cookie))).status).toBe(401);
  });

  it("ends the browser's earlier session when someone signs in on it", async () => {
    const harness = passwordHarness();
    const first = await signIn(harness, 'ann', PASSWORDS.ann, { from: '10.5.5.5' });
    const second = await signIn(harness, 'vic', PASSWORDS.vic, {
      from: '10.5.5.5',
      headers: { cookie: first.cookie },
    });
    expect(second.response.status).toBe(200);
    expect((await harness.call('/api/session', withCookie(first.cookie))).status).toBe(401);
    const now = await harness.call('/api/session', withCookie(second.cookie));
    expect(now.json).toMatchObject({ user: { name: 'vic' } });
  });

  it('says sign-in is unavailable, and logs why, when the accounts file is damaged', async () => {
    const broken = await testAccounts([]);
    await writeFile(broken.usersFile, '{ "accounts": [ { "name": "ann", ');
    const harness = harnessWith({
      auth: { mode: 'password', usersFile: broken.usersFile, sessionHours: 12 },
    });
    const { response } = await signIn(harness, 'ann', PASSWORDS.ann, { from: '10.6.6.6' });
    expect(response.status).toBe(503);
    // Asking again cannot help: the dashboard shows this at once rather than retrying.
    expect(response.headers.get('x-no-retry')).toBe('accounts-file');
    expect(response.json).toMatchObject({
      error: 'accounts_unavailable',
      error_description: expect.stringContaining('USERS_FILE') as unknown,
    });
    expect(JSON.stringify(response.json)).not.toContain(broken.usersFile);
    expect(harness.logLines.join('\n')).toContain(`${broken.usersFile} is not valid JSON`);
    await broken.remove();
  });

  it('ends the sessions of an account whose password changed or that was removed', async () => {
    const harness = passwordHarness();
    const { cookie } = await signIn(harness, 'vic', PASSWORDS.vic, { from: '10.4.4.4' });
    const accounts = await readAccounts(usersFile);
    await writeAccounts(
      usersFile,
      await Promise.all(
        accounts.map(async (account) =>
          account.name === 'vic'
            ? { ...account, password: await hashPassword(`${PASSWORDS.vic}-new`) }
            : account,
        ),
      ),
    );
    expect((await harness.call('/api/session', withCookie(cookie))).status).toBe(401);
    await writeAccounts(usersFile, accounts);
  });
});

describe('sessions', () => {
  it('expire after their lifetime', () => {
    let now = 0;
    const sessions = createSessionStore({ lifetimeMs: 1000, now: () => now });
    const { id } = sessions.create('ann', 'stamp');
    now = 999;
    expect(sessions.get(id)?.name).toBe('ann');
    now = 1000;
    expect(sessions.get(id)).toBeNull();
  });
});

describe('AUTH_MODE=proxy', () => {
  const proxy = TEST_PROXY_AUTH;

  it('believes the header only from the proxy, and refuses everyone else', async () => {
    const harness = harnessWith({ auth: proxy });
    const asAnn = { headers: { 'x-forwarded-email': 'ann@example.com' } };
    const direct = await harness.call('/api/session', asAnn, '10.0.0.66');
    expect(direct.status).toBe(403);
    expect(direct.json).toMatchObject({ error: 'forbidden_address' });
    expect((await harness.call('/threads', asAnn, '10.0.0.66')).status).toBe(403);
    const viaProxy = await harness.call('/api/session', asAnn, '::ffff:10.9.9.9');
    expect(viaProxy.json).toMatchObject({
      auth: 'proxy',
      user: { name: 'ann@example.com', role: 'moderator' },
    });
    expect((await harness.call('/api/session', {}, '10.9.9.9')).json).toMatchObject({
      error: 'proxy_identity_missing',
    });
  });

  it('makes everyone not in MODERATORS a viewer, who cannot change membership', async () => {
    const harness = harnessWith({ auth: proxy });
    const asVic = (init: RequestInit = {}): RequestInit => ({
      ...init,
      headers: {
        ...(init.headers as Record<string, string> | undefined),
        'x-forwarded-email': 'vic@example.com',
      },
    });
    expect((await harness.call('/api/session', asVic(), '10.9.9.9')).json).toMatchObject({
      user: { name: 'vic@example.com', role: 'viewer' },
    });
    expect((await harness.call(membersPath, asVic(addLurker), '10.9.9.9')).status).toBe(403);
    expect(harness.exchanges).toHaveLength(0);
  });
});
