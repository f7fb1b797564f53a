// Refuses changes a browser was tricked into sending: a page elsewhere posting to /api. The dashboard's own
// origin is its scheme, host and port, so an https page on the same host and port is another origin.
// Requests without browser headers (curl, scripts) cannot be forged by a web page and pass.
import type { MiddlewareHandler } from 'hono';
import { chatErrorResponse } from './chat-error.ts';
import { clientOf } from './client-connection.ts';
import type { ServerEnv } from './server-env.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(value: string): string | null {
  try {
    const { origin } = new URL(value);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** `trustedProxies`: the proxies whose X-Forwarded-Proto says the browser's page is https. */
export function originGuard(trustedProxies: readonly string[]): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || !c.req.path.startsWith('/api/')) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const crossSite = site !== undefined && site !== 'same-origin' && site !== 'none';
    let foreignOrigin = false;
    if (origin !== undefined) {
      // Built from the Host header by the Node adapter; in-process requests carry it in their URL.
      const { host } = new URL(c.req.url);
      const scheme = clientOf(c, trustedProxies).overTls ? 'https:' : 'http:';
      foreignOrigin = originOf(origin) !== originOf(`${scheme}//${host}`);
    }
    if (crossSite || foreignOrigin) {
      return chatErrorResponse(
        403,
        'forbidden_origin',
        'CrossOriginRequest',
        'Changes are accepted only from the dashboard itself. Reload the dashboard and try again from there.',
      );
    }
    return next();
  };
}
