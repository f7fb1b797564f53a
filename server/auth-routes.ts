// POST /api/auth/sign-in and /api/auth/sign-out for AUTH_MODE=password.
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { checkPassword, findAccount, upgradePasswordHash, type Account } from './accounts.ts';
import { SESSION_COOKIE, type PasswordAuth } from './authenticate.ts';
import { chatErrorResponse } from './chat-error.ts';
import { clientOf } from './client-connection.ts';
import type { Logger } from './logger.ts';
import { readBodyWithLimit, TOO_LARGE } from './request-body.ts';
import type { ServerEnv } from './server-env.ts';
import { passwordStamp } from './sessions.ts';
import { signInKeys, type SignInThrottle } from './sign-in-throttle.ts';

const SIGN_IN_BODY_LIMIT = 2048;

async function credentials(request: Request): Promise<{ name: string; password: string } | null> {
  const body = await readBodyWithLimit(request, SIGN_IN_BODY_LIMIT);
  if (body === TOO_LARGE) return null;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(body));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { name, password } = parsed as Record<string, unknown>;
    return typeof name === 'string' && typeof password === 'string' && name !== '' && password !== ''
      ? { name: name.trim(), password }
      : null;
  } catch {
    return null;
  }
}

/** Stores the upgrade of an account's hash; the account's hash after it, which the new session is tied to. */
async function upgradedHash(
  usersFile: string,
  account: Account,
  upgrade: string | null,
  logger: Logger,
): Promise<string> {
  if (upgrade === null) return account.password;
  try {
    return await upgradePasswordHash(usersFile, account.name, account.password, upgrade);
  } catch (error) {
    // The sign-in stands; the hash is upgraded at a later one, once the file is writable.
    logger.log('warn', 'password hash upgrade could not be written', {
      file: usersFile,
      error: (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.name : 'unknown'),
    });
    return account.password;
  }
}

export function authRoutes(
  auth: PasswordAuth,
  throttle: SignInThrottle,
  logger: Logger,
  { sessionMs, trustedProxies }: { sessionMs: number; trustedProxies: readonly string[] },
): Hono<ServerEnv> {
  const routes = new Hono<ServerEnv>();

  routes.post('/sign-in', async (c) => {
    const given = await credentials(c.req.raw);
    if (given === null) {
      return chatErrorResponse(
        400,
        'illegal_argument',
        'IllegalArgumentException',
        'Enter your name and password.',
      );
    }
    const client = clientOf(c, trustedProxies);
    const { pair, address } = signInKeys(given.name, client.address);
    const keys = [pair, address];
    const waitMs = throttle.begin(keys);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      const refusal = chatErrorResponse(
        429,
        'too_many_sign_ins',
        'SignInThrottled',
        `Too many failed sign-ins for this name from this address, or from this address. Wait ${seconds} s, then try again.`,
      );
      refusal.headers.set('retry-after', String(seconds));
      return refusal;
    }
    try {
      const accounts = await auth.accounts();
      const account = findAccount(accounts, given.name);
      // An unknown name is checked against decoy hashes, so timing does not tell which names exist.
      const check = await checkPassword(given.password, account, accounts);
      if (!check.ok || account === undefined) {
        throttle.failed(keys);
        logger.log('warn', 'sign-in refused', { requestId: c.get('requestId') });
        return chatErrorResponse(
          401,
          'sign_in_failed',
          'SignInFailed',
          'Wrong name or password. Check both and try again.',
        );
      }
      throttle.succeeded([pair]);
      // The browser's earlier session ends: one browser, one signed-in person, and an old cookie is no use.
      const earlier = getCookie(c, SESSION_COOKIE);
      if (earlier !== undefined) auth.sessions.remove(earlier);
      const hash = await upgradedHash(auth.usersFile, account, check.upgrade, logger);
      const session = auth.sessions.create(account.name, passwordStamp(hash));
      setCookie(c, SESSION_COOKIE, session.id, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: client.overTls,
        path: '/',
        maxAge: Math.floor(sessionMs / 1000),
      });
      logger.log('info', 'signed in', {
        requestId: c.get('requestId'),
        actor: account.name,
        role: account.role,
      });
      return c.json({ name: account.name, role: account.role }, 200, { 'cache-control': 'no-store' });
    } finally {
      throttle.release(keys);
    }
  });

  routes.post('/sign-out', (c) => {
    const id = getCookie(c, SESSION_COOKIE);
    if (id !== undefined) auth.sessions.remove(id);
    const { overTls } = clientOf(c, trustedProxies);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: overTls, httpOnly: true, sameSite: 'Strict' });
    return c.body(null, 204);
  });

  return routes;
}
