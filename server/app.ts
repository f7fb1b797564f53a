// Composes the server: request log, security headers, health and readiness, session, the Chat proxy and the static SPA.
import { Hono } from 'hono';
import { chatErrorResponse } from './chat-error.ts';
import { createChatProxy, type UpstreamFetch } from './chat-proxy.ts';
import type { AppTokenProvider } from './credentials.ts';
import type { Logger } from './logger.ts';
import { rawRequestTarget } from './raw-target.ts';
import { requestGuard } from './request-guard.ts';
import { readiness } from './readiness.ts';
import { requestLog } from './request-log.ts';
import { securityHeaders } from './security-headers.ts';
import { sessionInfo, type ChatBackend } from './session-route.ts';
import { createStaticSpa } from './static-spa.ts';

export interface ServerAppOptions {
  config: ChatBackend;
  tokenProvider: AppTokenProvider;
  fetch: UpstreamFetch;
  logger: Logger;
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
  distDir,
  allowedHostnames = null,
  proxy = {},
}: ServerAppOptions): Hono {
  const app = new Hono();
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

  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, { 'cache-control': 'no-store' }));
  app.get('/readyz', () => readiness(forward));
  app.get('/api/session', (c) => c.json(sessionInfo(config), 200, { 'cache-control': 'no-store' }));

  app.all('/api/chat', (c) => forward(c.req.raw, rawRequestTarget(c.req.raw, c.env)));
  app.all('/api/chat/*', (c) => forward(c.req.raw, rawRequestTarget(c.req.raw, c.env)));

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
