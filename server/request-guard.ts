// Refuses requests a browser was tricked into sending: a foreign Host (DNS rebinding onto a loopback server)
// and cross-site changes (a page elsewhere posting to /api). Requests without browser headers (curl, scripts)
// cannot be forged by a web page and pass.
import type { MiddlewareHandler } from 'hono';
import { chatErrorResponse } from './chat-error.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function hostnameOf(host: string): string {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return '';
  }
}

/** `allowedHostnames`: the names the dashboard may be reached by; null accepts any. */
export function requestGuard(allowedHostnames: readonly string[] | null): MiddlewareHandler {
  return async (c, next) => {
    // Built from the Host header by the Node adapter; in-process requests carry it in their URL.
    const host = new URL(c.req.url).host;
    if (allowedHostnames !== null && !allowedHostnames.includes(hostnameOf(host))) {
      return c.text(
        `This dashboard is not served under the name "${hostnameOf(host)}". Open it by an allowed address, or add the name to ALLOWED_HOSTS.`,
        421,
      );
    }
    if (!SAFE_METHODS.has(c.req.method) && c.req.path.startsWith('/api/')) {
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      const crossSite = site !== undefined ? site !== 'same-origin' && site !== 'none' : false;
      const foreignOrigin =
        origin !== undefined && origin !== 'null' ? hostOf(origin) !== host : origin === 'null';
      if (crossSite || foreignOrigin) {
        return chatErrorResponse(
          403,
          'forbidden_origin',
          'CrossOriginRequest',
          'Changes are accepted only from the dashboard itself. Reload the dashboard and try again from there.',
        );
      }
    }
    await next();
  };
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return '';
  }
}
