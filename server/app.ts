// Composes the server: request log, security headers, health and readiness, session, the Chat proxy and the static SPA.
import { Hono, type Context } from 'hono';
import { AuditWriteFailed } from './audit-write-failed.ts';
import { activityRoutes } from './activity-route.ts';
import { auditedCall, OPERATION_ID_HEADER, operationIdFrom } from './audit-record.ts';
import type { AuditStore } from './audit-store.ts';
import { NO_RETRY_HEADER } from '../src/lib/no-retry.ts';
import { AccountsFileUnusable, watchedAccounts } from './accounts.ts';
import { authRoutes } from './auth-routes.ts';
import { authenticate, requireModerator, signedInIdentity } from './authenticate.ts';
import { chatErrorResponse } from './chat-error.ts';
import { clientOf, isLoopbackAddress } from './client-connection.ts';
import {
  createChatProxy,
  type ChatUpstream,
  type MemberChangeListener,
  type UpstreamFetch,
} from './chat-proxy.ts';
import type { AuthConfig } from './config.ts';
import type { AppTokenProvider } from './credentials.ts';
import { createFirstScreenRenderer } from './first-screen.ts';
import { forwardInTurn } from './person-share.ts';
import type { UpstreamSends } from './upstream-http.ts';
import type { Identity } from './identity.ts';
import type { Logger } from './logger.ts';
import { rawRequestTarget } from './raw-target.ts';
import { originGuard } from './origin-guard.ts';
import { auditRefusals } from './refusal-audit.ts';
import { requestGuard } from './request-guard.ts';
import { readinessProbe } from './readiness.ts';
import { requestLog } from './request-log.ts';
import { securityHeaders } from './security-headers.ts';
import { createSessionStore } from './sessions.ts';
import { createSignInThrottle } from './sign-in-throttle.ts';
import type { ServerEnv } from './server-env.ts';
import { sessionInfo, type ChatBackend } from './session-route.ts';
import { createStaticSpa } from './static-spa.ts';
import { CallGovernor } from './operations/call-governor.ts';
import { OperationEvents } from './operations/operation-events.ts';
import { operationRoutes } from './operations/operation-routes.ts';
import { OperationRunner } from './operations/operation-runner.ts';
import type { OperationStore } from './operations/operation-store.ts';
import { openSqliteOperationStore } from './operations/sqlite-operation-store.ts';

const HOUR_MS = 60 * 60 * 1000;

/** The proxies whose X-Forwarded-Proto is believed: the TLS proxies of passwords, or the sign-in proxy. */
function forwardingProxies(auth: AuthConfig): readonly string[] {
  if (auth.mode === 'password') return auth.trustedProxies ?? [];
  if (auth.mode === 'proxy') return auth.trustedAddresses;
  return [];
}

export interface ServerAppOptions {
  config: ChatBackend;
  tokenProvider: AppTokenProvider;
  fetch: UpstreamFetch;
  /** When each call `fetch` sends leaves (see upstream-http.ts); without it, the governor reckons. */
  sends?: UpstreamSends;
  logger: Logger;
  /** Where every forwarded add and remove call is recorded before its answer is returned. */
  audit: AuditStore;
  /** Who may sign in and how; none (loopback, everyone a moderator) by default. */
  auth?: AuthConfig;
  distDir: string;
  /** Host names the dashboard may be reached by; null (the default) accepts any. */
  allowedHostnames?: readonly string[] | null;
  /** The clock of sessions and sign-in throttling; tests move it forward. */
  now?: () => number;
  /** Overrides for tests; production uses the proxy's defaults (15 s, 8 KB). */
  proxy?: { timeoutMs?: number; bodyLimitBytes?: number };
  /** Where operations are kept (an in-memory database by default) and the API's budget per endpoint. */
  operations?: { store?: OperationStore; callsPerSecond?: number };
}

/** The server, and the operations it runs: started operations resume and stop with the process. */
export type ServerApp = Hono<ServerEnv> & { operations: OperationRunner };

/** A change can take the API 12 s; an operation waits longer than a browser's page would. */
const OPERATION_CALL_TIMEOUT_MS = 30_000;

export function createServerApp({
  config,
  tokenProvider,
  fetch,
  sends,
  logger,
  audit,
  auth = { mode: 'none' },
  distDir,
  allowedHostnames = null,
  proxy = {},
  operations = {},
  now = Date.now,
}: ServerAppOptions): ServerApp {
  const app = new Hono<ServerEnv>();
  const upstream: ChatUpstream = {
    host: config.host,
    org: config.org,
    app: config.app,
    // The embedded emulator's loopback port is the server's business alone.
    ...(config.backend === 'emulator' ? { name: 'the embedded Chat emulator' } : {}),
  };
  const forward = createChatProxy({
    upstream,
    tokenProvider,
    fetch,
    ...proxy,
  });
  const governor = new CallGovernor({
    callsPerSecond: operations.callsPerSecond ?? 100,
    ...(sends === undefined ? {} : { sends }),
  });
  const forwardPersonal = forwardInTurn(governor, forward);
  const serveSpa = createStaticSpa(
    distDir,
    createFirstScreenRenderer({
      distDir,
      forward: forwardPersonal,
      session: (identity) => sessionInfo(config, auth.mode, identity),
      logger,
    }),
  );
  const operationEvents = new OperationEvents();
  const runner = new OperationRunner({
    store: operations.store ?? openSqliteOperationStore(':memory:'),
    governor,
    forward: createChatProxy({
      upstream,
      tokenProvider,
      fetch,
      ...proxy,
      timeoutMs: Math.max(proxy.timeoutMs ?? 0, OPERATION_CALL_TIMEOUT_MS),
    }),
    audit,
    events: operationEvents,
    logger,
  });

  app.use('*', requestLog(logger));
  app.use('*', securityHeaders());
  app.use('*', requestGuard(allowedHostnames));
  // Probes answer before sign-in: they reveal nothing and orchestrators do not sign in.
  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, { 'cache-control': 'no-store' }));
  const password =
    auth.mode === 'password'
      ? {
          usersFile: auth.usersFile,
          accounts: watchedAccounts(auth.usersFile),
          sessions: createSessionStore({ lifetimeMs: auth.sessionHours * HOUR_MS, now }),
        }
      : null;
  const signedIn = signedInIdentity(auth, password);
  const forwarders = forwardingProxies(auth);
  app.get(
    '/readyz',
    readinessProbe(
      forward,
      tokenProvider.kind,
      async (c) => isLoopbackAddress(clientOf(c, forwarders).address) || (await signedIn(c)) !== null,
      now,
    ),
  );
  // Around sign-in, so that a refused change is recorded with who tried it, and one with nobody signed in is
  // logged with where it came from.
  app.use(
    '/api/*',
    auditRefusals(audit, logger, {
      threadOf: (id) => runner.get(id)?.threadId ?? null,
      clientAddress: (c) => clientOf(c, forwarders).address,
    }),
  );
  app.use('*', authenticate(auth, password));
  app.use('*', originGuard(forwarders));
  if (auth.mode === 'password' && password !== null) {
    app.route(
      '/api/auth',
      authRoutes(password, createSignInThrottle(now), logger, {
        sessionMs: auth.sessionHours * HOUR_MS,
        trustedProxies: auth.trustedProxies ?? [],
      }),
    );
  }
  app.get('/api/session', (c) =>
    c.json(sessionInfo(config, auth.mode, c.get('identity')), 200, { 'cache-control': 'no-store' }),
  );

  app.route(
    '/api/activity',
    activityRoutes(audit, (id) => runner.get(id)),
  );
  app.route('/api/operations', operationRoutes(runner, operationEvents));

  /** Records a forwarded change with who asked for it, synchronously, so the answer waits for the record. */
  const recordChange =
    (c: Context<ServerEnv>): MemberChangeListener =>
    (change) => {
      c.set('changeSent', true);
      const { name, role } = c.get('identity');
      try {
        audit.append(
          auditedCall(change, {
            time: Date.now(),
            actor: name,
            role,
            requestId: c.get('requestId'),
            operationId: operationIdFrom(c.req.header(OPERATION_ID_HEADER)),
          }),
        );
      } catch (error) {
        throw new AuditWriteFailed(change.upstream?.status ?? null, error);
      }
    };
  const proxyHandler = (c: Context<ServerEnv>) =>
    forwardPersonal(c.req.raw, rawRequestTarget(c.req.raw, c.env), c.get('identity').name, recordChange(c));
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], ['/api/chat', '/api/chat/*'], requireModerator);
  app.all('/api/chat', proxyHandler);
  app.all('/api/chat/*', proxyHandler);

  app.all('/api/*', (c) =>
    chatErrorResponse(404, 'not_found', 'ApiRouteNotFound', `No API route ${c.req.method} ${c.req.path}.`),
  );

  app.on(['GET', 'HEAD'], '*', (c) => {
    // Unset for a page requested signed out: its first screen then carries no data.
    const identity: Identity | undefined = c.get('identity');
    return serveSpa(c.req.raw, identity);
  });
  app.notFound((c) => c.text('Not found', 404));

  app.onError((error, c) => {
    if (error instanceof AuditWriteFailed) {
      const cause = error.cause instanceof Error ? error.cause.name : 'unknown';
      logger.log('error', 'audit log write failed', { errorName: cause, requestId: c.get('requestId') });
      const answered =
        error.upstreamStatus === null ? 'gave no answer' : `answered ${String(error.upstreamStatus)}`;
      return chatErrorResponse(
        500,
        'audit_write_failed',
        'AuditWriteFailed',
        `The change was sent to the Chat API, which ${answered}, but the audit log could not record it: check ` +
          'that the audit database (AUDIT_DB) is writable and its disk has space. The change may have been ' +
          'applied; reload the member list to see.',
      );
    }
    if (error instanceof AccountsFileUnusable) {
      // The message names the file and the fault, never request data; the browser gets no server paths.
      logger.log('error', error.message, { requestId: c.get('requestId') });
      const unavailable = chatErrorResponse(
        503,
        'accounts_unavailable',
        'AccountsFileUnusable',
        'Sign-in is unavailable: the dashboard server cannot read its accounts file. Ask its administrator ' +
          'to check USERS_FILE; the server log says what is wrong.',
      );
      unavailable.headers.set(NO_RETRY_HEADER, 'accounts-file');
      return unavailable;
    }
    // Only the error's class goes to the log: messages from libraries may quote request data.
    logger.log('error', 'unhandled error', { errorName: error.name, method: c.req.method });
    return chatErrorResponse(500, 'internal_error', 'InternalServerError', 'The dashboard server failed.');
  });

  return Object.assign(app, { operations: runner });
}
