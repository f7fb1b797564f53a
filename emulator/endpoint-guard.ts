// Per-endpoint checks every thread API call passes before its handler: auth, rate limit, feature switch.
import type { MiddlewareHandler } from 'hono';
import { verifyAppToken } from './auth.ts';
import { chatErrors } from './chat-error.ts';
import type { EmulatorEnv } from './hono-env.ts';
import { latencyFor, sleep } from './latency.ts';
import type { CallKind } from './latency.ts';

/** The numbers of the reference's endpoint table; each has its own rate-limit budget. */
export type EndpointNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11;

/** The thread endpoints, and the token endpoint, which is called without a token. */
export type GuardedEndpoint = EndpointNumber | 'token';

function callKind(endpoint: GuardedEndpoint): CallKind {
  if (endpoint === 2) return 'add-members';
  return endpoint === 3 ? 'remove-members' : 'other';
}

// Auth comes before the rate limit: the budget belongs to the app the token identifies, so calls without a
// valid token do not spend it. Validation errors after this point do spend it, as on the real service.
// The limit counts the call at its arrival; the latency is the service's processing time after that (the
// documented `duration`), spent before the call is validated, applied and answered. Sleeping first would
// make a client that starts exactly N calls per second look bursty by the whole spread of the latency.
export function endpointGuard(endpoint: GuardedEndpoint): MiddlewareHandler<EmulatorEnv> {
  const threadEndpoint = endpoint !== 'token';
  return async (c, next) => {
    const rt = c.var.emulator;
    if (threadEndpoint) verifyAppToken(c.req.header('authorization'), rt.credentials, rt.now());
    if (!rt.limiter.tryAcquire(`endpoint-${endpoint}`, rt.now(), rt.config.rateLimit)) {
      throw chatErrors.rateLimited();
    }
    if (threadEndpoint && !rt.config.threadsEnabled) throw chatErrors.threadNotOpen();
    await sleep(latencyFor(rt.faults.latency, callKind(endpoint), rt.random));
    await next();
  };
}
