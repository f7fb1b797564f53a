// Establishes who makes each request (AUTH_MODE none, proxy or password) and refuses what they may not do.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { findAccount, type Account } from './accounts.ts';
import { chatErrorResponse } from './chat-error.ts';
import type { AuthConfig } from './config.ts';
import { LOCAL_MODERATOR, type Identity, type Role } from './identity.ts';
import { remoteAddress } from './remote-address.ts';
import type { ServerEnv } from './server-env.ts';
import { passwordStamp, type SessionStore } from './sessions.ts';

export const SESSION_COOKIE = 'tma_session';

/** What AUTH_MODE=password needs at run time. */
export interface PasswordAuth {
  /** The accounts file, where sign-in writes upgraded password hashes. */
  usersFile: string;
  accounts: () => Promise<Account[]>;
  sessions: SessionStore;
}

/** Paths anyone may reach without signing in: signing in and out. Pages and assets hold no data. */
const OPEN_API_PATHS = new Set(['/api/auth/sign-in', '/api/auth/sign-out']);

function signInRequired(c: Context<ServerEnv>): Response | undefined {
  if (!c.req.path.startsWith('/api/') || OPEN_API_PATHS.has(c.req.path)) return undefined;
  return chatErrorResponse(
    401,
    'sign_in_required',
    'SignInRequired',
    'You are not signed in, or your session has ended. Sign in and try again.',
  );
}

/** The signed-in account behind the request's session cookie, or null. */
async function sessionIdentity(c: Context<ServerEnv>, auth: PasswordAuth): Promise<Identity | null> {
  const id = getCookie(c, SESSION_COOKIE);
  const session = id === undefined ? null : auth.sessions.get(id);
  if (id === undefined || session === null) return null;
  // Checked on every request, so removing an account or changing its password takes effect at once.
  const account = findAccount(await auth.accounts(), session.name);
  if (account === undefined || passwordStamp(account.password) !== session.passwordStamp) {
    auth.sessions.remove(id);
    return null;
  }
  return { name: account.name, role: account.role };
}

function proxyIdentity(
  c: Context<ServerEnv>,
  config: Extract<AuthConfig, { mode: 'proxy' }>,
): Identity | Response | undefined {
  const address = remoteAddress(c.env);
  // Only the proxy's word counts: anyone else could set the header to any name they like.
  if (address === null || !config.trustedAddresses.includes(address)) {
    return chatErrorResponse(
      403,
      'forbidden_address',
      'UntrustedAddress',
      "This dashboard is reached only through the company's sign-in proxy. Open it by its usual address.",
    );
  }
  const name = c.req.header(config.header)?.trim();
  if (name === undefined || name === '' || name.length > 200) {
    return c.req.path.startsWith('/api/')
      ? chatErrorResponse(
          401,
          'proxy_identity_missing',
          'ProxyIdentityMissing',
          `The sign-in proxy did not say who you are (no ${config.header} header). Sign in through the proxy again, or ask its administrator.`,
        )
      : undefined;
  }
  return { name, role: config.moderators.includes(name.toLowerCase()) ? 'moderator' : 'viewer' };
}

/** Who a request comes from, if anyone signed in: for answers that say more to people who did. */
export function signedInIdentity(
  config: AuthConfig,
  password: PasswordAuth | null,
): (c: Context<ServerEnv>) => Promise<Identity | null> {
  return async (c) => {
    if (config.mode === 'none') return LOCAL_MODERATOR;
    if (config.mode === 'proxy') {
      const identity = proxyIdentity(c, config);
      return identity === undefined || identity instanceof Response ? null : identity;
    }
    return password === null ? null : sessionIdentity(c, password);
  };
}

export function authenticate(
  config: AuthConfig,
  password: PasswordAuth | null,
): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    if (config.mode === 'none') {
      c.set('identity', LOCAL_MODERATOR);
      return next();
    }
    if (config.mode === 'proxy') {
      const identity = proxyIdentity(c, config);
      if (identity instanceof Response) return identity;
      if (identity !== undefined) c.set('identity', identity);
      return next();
    }
    const identity = password === null ? null : await sessionIdentity(c, password);
    if (identity === null) {
      const refusal = signInRequired(c);
      if (refusal !== undefined) return refusal;
    } else {
      c.set('identity', identity);
    }
    return next();
  };
}

/** The answer to a change asked for without the moderator role. */
export function moderatorRequired(role: Role): Response {
  return chatErrorResponse(
    403,
    'forbidden_role',
    'ModeratorRoleRequired',
    `Your role (${role}) may browse and export, but not add or remove members. Ask an administrator for the moderator role.`,
  );
}

/** Changes need the moderator role, whatever the page offered: the server decides, not the UI. */
export const requireModerator: MiddlewareHandler<ServerEnv> = async (c, next) => {
  const { role } = c.get('identity');
  if (role !== 'moderator') return moderatorRequired(role);
  return next();
};
