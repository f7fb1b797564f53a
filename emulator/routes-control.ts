// Test-only routes to reset, seed, inspect and misconfigure a running emulator (mounted only with `control`).
import { Hono } from 'hono';
import type { Context } from 'hono';
import { parseApiVariants } from './api-variants.ts';
import type { ApiVariants } from './api-variants.ts';
import { FAULT_KINDS } from './faults.ts';
import type { FaultKind } from './faults.ts';
import { isValidLatency } from './latency.ts';
import type { LatencySetting } from './latency.ts';
import type { EmulatorEnv } from './hono-env.ts';
import { isRecord } from '../src/lib/is-record.ts';

export interface FaultUpdate {
  latency?: LatencySetting | null;
  faultRate?: number;
  rateLimit?: number | null;
  threadsEnabled?: boolean;
  maxThreadsPerUser?: number;
  cursorOnLastPage?: boolean;
  variants?: Partial<ApiVariants>;
  /** Faults forced onto the next calls, in order. */
  script?: FaultKind[];
}

export interface ControlActions {
  reset(seed: 'demo' | 'none'): { seedMs: number | null };
  seed(): { seedMs: number | null };
  setFaults(update: FaultUpdate): void;
  describeFaults(): Record<string, unknown>;
  issueAppToken(expireSeconds?: number): string;
}

/** Validates a control body into a FaultUpdate, or returns the name of the first bad field. */
export function parseFaultUpdate(body: unknown): FaultUpdate | string {
  if (!isRecord(body)) return 'body';
  const update: FaultUpdate = {};
  const {
    latency,
    faultRate,
    rateLimit,
    threadsEnabled,
    maxThreadsPerUser,
    cursorOnLastPage,
    script,
    variants,
  } = body;
  if (latency !== undefined) {
    if (latency === null || latency === 'realistic') update.latency = latency;
    else if (
      isRecord(latency) &&
      typeof latency.minMs === 'number' &&
      typeof latency.maxMs === 'number' &&
      isValidLatency({ minMs: latency.minMs, maxMs: latency.maxMs })
    ) {
      update.latency = { minMs: latency.minMs, maxMs: latency.maxMs };
    } else return 'latency';
  }
  if (faultRate !== undefined) {
    if (typeof faultRate !== 'number' || !(faultRate >= 0 && faultRate <= 1)) return 'faultRate';
    update.faultRate = faultRate;
  }
  if (rateLimit !== undefined) {
    if (
      rateLimit !== null &&
      (typeof rateLimit !== 'number' || !Number.isInteger(rateLimit) || rateLimit < 1)
    ) {
      return 'rateLimit';
    }
    update.rateLimit = rateLimit;
  }
  if (threadsEnabled !== undefined) {
    if (typeof threadsEnabled !== 'boolean') return 'threadsEnabled';
    update.threadsEnabled = threadsEnabled;
  }
  if (maxThreadsPerUser !== undefined) {
    if (
      typeof maxThreadsPerUser !== 'number' ||
      !Number.isInteger(maxThreadsPerUser) ||
      maxThreadsPerUser < 0
    ) {
      return 'maxThreadsPerUser';
    }
    update.maxThreadsPerUser = maxThreadsPerUser;
  }
  if (cursorOnLastPage !== undefined) {
    if (typeof cursorOnLastPage !== 'boolean') return 'cursorOnLastPage';
    update.cursorOnLastPage = cursorOnLastPage;
  }
  if (variants !== undefined) {
    const parsed = isRecord(variants) ? parseApiVariants(variants) : 'variants';
    if (typeof parsed === 'string') return parsed === 'variants' ? parsed : `variants.${parsed}`;
    update.variants = parsed;
  }
  if (script !== undefined) {
    if (!Array.isArray(script) || !script.every((k) => FAULT_KINDS.includes(k as FaultKind))) return 'script';
    update.script = script as FaultKind[];
  }
  return update;
}

async function jsonBody(c: Context<EmulatorEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function controlRoutes(actions: ControlActions): Hono<EmulatorEnv> {
  const routes = new Hono<EmulatorEnv>();

  // A JSON content type makes browsers preflight, so a web page cannot reset or fault a local emulator.
  routes.on(['POST', 'PUT'], '*', async (c, next) => {
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
      return c.json({ error: 'control routes take Content-Type: application/json' }, 415);
    }
    await next();
  });

  routes.post('/reset', async (c) => {
    const body = await jsonBody(c);
    const seed = isRecord(body) && body.seed === 'demo' ? 'demo' : 'none';
    return c.json({ status: 'ok', ...actions.reset(seed) });
  });

  routes.post('/seed', (c) => c.json({ status: 'ok', ...actions.seed() }));

  routes.get('/faults', (c) => c.json(actions.describeFaults()));
  routes.put('/faults', async (c) => {
    const update = parseFaultUpdate(await jsonBody(c));
    if (typeof update === 'string') return c.json({ error: `invalid ${update}` }, 400);
    actions.setFaults(update);
    return c.json(actions.describeFaults());
  });

  routes.get('/threads/:threadId/members', (c) => {
    const { store } = c.var.emulator;
    const threadId = c.req.param('threadId');
    if (!store.threadExists(threadId)) return c.json({ error: 'thread not found' }, 404);
    return c.json({ threadId, members: store.listThreadMembers(threadId) });
  });

  routes.get('/token', (c) => {
    const expire = Number(c.req.query('expire') ?? '86400');
    return c.json({ token: actions.issueAppToken(Number.isFinite(expire) ? expire : 86400) });
  });

  return routes;
}
