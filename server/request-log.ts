// Middleware that tags each request with an id and logs one line when it completes.
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger, LogLevel } from './logger.ts';
import { rawRequestTarget } from './raw-target.ts';
import { setResponseHeader } from './response-header.ts';
import type { ServerEnv } from './server-env.ts';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** A line per request is for debugging; a failure of the server or the API behind it is an error anyway. */
function levelFor(status: number): LogLevel {
  return status >= 500 ? 'error' : 'debug';
}

/** A user's threads are looked up by username in the path; the log keeps the route, not the person. */
function withoutUsernames(path: string): string {
  return path.replace(/(\/api\/chat\/threads\/(?:chatgroups\/[^/]+\/)?user\/)[^/]+/, '$1:username');
}

/**
 * Logs method, path, status and duration only. The query string is left out because cursors and usernames
 * live there, and no header is logged, so Authorization and Cookie values never reach the log.
 */
export function requestLog(
  logger: Logger,
  now: () => number = performance.now.bind(performance),
): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const started = now();
    // Always our own id: echoing a client-supplied one would let callers forge log correlation.
    const requestId = randomUUID();
    c.set('requestId', requestId);
    await next();
    setResponseHeader(c, REQUEST_ID_HEADER, requestId);
    const status = c.res.status;
    logger.log(levelFor(status), 'request', {
      requestId,
      method: c.req.method,
      // The path as sent, so a traversal attempt shows as such rather than as the URL it normalised to.
      path: withoutUsernames(rawRequestTarget(c.req.raw, c.env).split('?')[0] ?? ''),
      status,
      ms: Math.round((now() - started) * 10) / 10,
    });
  };
}
