// Per-endpoint checks every thread API call passes before its handler: auth, rate limit, feature switch.
import type { MiddlewareHandler } from 'hono';
import { verifyAppToken } from './auth.ts';
import { chatErrors } from './chat-error.ts';
import type { EmulatorEnv } from './hono-env.ts';

/** The numbers of the reference's endpoint table; each has its own rate-limit budget. */
export type EndpointNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

// Auth comes before the rate limit: the budget belongs to the app the token identifies, so calls without a
// valid token do not spend it. Validation errors after this point do spend it, as on the real service.
export function endpointGuard(endpoint: EndpointNumber): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const rt = c.var.emulator;
    verifyAppToken(c.req.header('authorization'), rt.credentials, rt.now());
    if (!rt.limiter.tryAcquire(`endpoint-${endpoint}`, rt.now(), rt.config.rateLimit)) {
      throw chatErrors.rateLimited();
    }
    if (!rt.config.threadsEnabled) throw chatErrors.threadNotOpen();
    await next();
  };
}
