// Headers every response carries, API answers included; HTML pages add their CSP in static-spa.ts.
import type { MiddlewareHandler } from 'hono';
import { setResponseHeader } from './response-header.ts';

const EVERY_RESPONSE = {
  // A JSON answer holding user-chosen text must never be sniffed into a script or a page.
  'x-content-type-options': 'nosniff',
  // Thread ids and usernames live in the dashboard's URLs; they stay within the dashboard.
  'referrer-policy': 'same-origin',
} as const;

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(EVERY_RESPONSE)) {
      if (!c.res.headers.has(name)) setResponseHeader(c, name, value);
    }
  };
}
