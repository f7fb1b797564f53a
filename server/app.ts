// Composes the server: request log, security headers, health and readiness, session, the Chat proxy and the static SPA.
import { Hono, type Context } from 'hono';
import { activityRoutes } from './activity-route.ts';
import { auditedCall, OPERATION_ID_HEADER, operationIdFrom } from './audit-record.ts';
import type { AuditStore } from './audit-store.ts';
import { chatErrorResponse } from './chat-error.ts';
import { createChatProxy, type MemberChangeListener, type UpstreamFetch } from './chat-proxy.ts';
import type { AppTokenProvider } from './credentials.ts';
import type { Logger } from './logger.ts';
import { LOCAL_MODERATOR } from './identity.ts';
import { rawRequestTarget } from './raw-target.ts';
import { requestGuard } from './request-guard.ts';
import { readiness } from './readiness.ts';
import { requestLog } from './request-log.ts';
import { securityHeaders } from './security-headers.ts';
import type { ServerEnv } from './server-env.ts';
import { sessionInfo, type ChatBackend } from './session-route.ts';
import { createStaticSpa } from './static-spa.ts';

export interface ServerAppOptions {
  config: ChatBackend;
  tokenProvider: AppTokenProvider;
  fetch: UpstreamFetch;
  logger: Logger;
  /** Where every forwarded add and remove call is recorded before its answer is returned. */
  audit: AuditStore;
  distDir: string;
  /** Host names the dashboard may be reached by; null (the default) accepts any. */
  allowedHostnames?: readonly string[] | null;
  /** Overrides for tests; production uses the proxy's defaults (15 s, 8 KB). */
  proxy?: { timeoutMs?: number; bodyLimitBytes?: number };
}

export function createServerApp({
  config,
  tokenProvider,
  fetch,
  logger,
  audit,
  distDir,
  allowedHostnames = null,
  proxy = {},
}: ServerAppOptions): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const forward = createChatProxy({
    upstream: { host: config.host, org: config.org, app: config.app },
    tokenProvider,
    fetch,
    ...proxy,
  });
  const serveSpa = createStaticSpa(distDir);

  app.use('*', requestLog(logger));
  app.use('*', securityHeaders());
  app.use('*', requestGuard(allowedHostnames));
  app.use('*', async (c, next) => {
    c.set('identity', LOCAL_MODERATOR);
    await next();
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, { 'cache-control': 'no-store' }));
  app.get('/readyz', () => readiness(forward));
  app.get('/api/session', (c) => c.json(sessionInfo(config), 200, { 'cache-control': 'no-store' }));

  app.route('/api/activity', activityRoutes(audit));

  /** Records a forwarded change with who asked for it, synchronously, so the answer waits for the record. */
  const recordChange =
    (c: Context<ServerEnv>): MemberChangeListener =>
    (change) => {
      const { name, role } = c.get('identity');
      audit.append(
        auditedCall(change, {
          time: Date.now(),
          actor: name,
          role,
          requestId: c.get('requestId'),
          operationId: operationIdFrom(c.req.header(OPERATION_ID_HEADER)),
        }),
      );
    };
  const proxyHandler = (c: Context<ServerEnv>) =>
    forward(c.req.raw, rawRequestTarget(c.req.raw, c.env), recordChange(c));
  app.all('/api/chat', proxyHandler);
  app.all('/api/chat/*', proxyHandler);

  app.all('/api/*', (c) =>
    chatErrorResponse(404, 'not_found', 'ApiRouteNotFound', `No API route ${c.req.method} ${c.req.path}.`),
  );

  app.on(['GET', 'HEAD'], '*', (c) => serveSpa(c.req.raw));
  app.notFound((c) => c.text('Not found', 404));

  app.onError((error, c) => {
    // Only the error's class goes to the log: messages from libraries may quote request data.
    logger.log('error', 'unhandled error', { errorName: error.name, method: c.req.method });
    return chatErrorResponse(500, 'internal_error', 'InternalServerError', 'The dashboard server failed.');
  });

  return app;
}
