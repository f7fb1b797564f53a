// Assembles the Chat thread API emulator: store, auth, limits, faults and routes behind one Hono app.
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { DEFAULT_API_VARIANTS } from './api-variants.ts';
import type { ApiVariants } from './api-variants.ts';
import { buildAppToken, MAX_APP_TOKEN_LIFETIME_SECONDS } from './auth.ts';
import { ChatApiError, chatErrors } from './chat-error.ts';
import { errorEnvelope } from './envelope.ts';
import type { FaultKind } from './faults.ts';
import { isValidLatency } from './latency.ts';
import type { LatencySetting } from './latency.ts';
import { gateway } from './gateway.ts';
import { hostGuard } from './host-guard.ts';
import type { EmulatorEnv } from './hono-env.ts';
import { createInProcessFetch } from './in-process-fetch.ts';
import { SlidingWindowLimiter } from './rate-limit.ts';
import { controlRoutes } from './routes-control.ts';
import type { FaultUpdate } from './routes-control.ts';
import { memberRoutes } from './routes-members.ts';
import { threadRoutes } from './routes-threads.ts';
import { tokenRoutes } from './routes-token.ts';
import { groupMembershipRoutes } from './routes-group-membership.ts';
import { userThreadRoutes } from './routes-user-threads.ts';
import { PLURAL_MEMBERS_PATH, THREAD_API_PATHS, unmatchedRouteError } from './unmatched-route.ts';
import type { EmulatorConfig, EmulatorRuntime } from './runtime.ts';
import { seedDemo } from './seed.ts';
import { EmulatorStore } from './store.ts';

export const DEMO_APP_ID = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
export const DEMO_APP_CERTIFICATE = 'f9e8d7c6b5a4938271605f4e3d2c1b0a';
/** Public demo Client ID and Secret for the Easemob token endpoint, shaped like Easemob's (`YXA6…`). */
export const DEMO_CLIENT_ID = 'YXA6dGhyZWFkLW1lbWJlcnMtZGVtbw';
export const DEMO_CLIENT_SECRET = 'YXA6cHVibGljLWRlbW8tc2VjcmV0LW5vdC1hLXNlY3JldA';
export const DEFAULT_RATE_LIMIT = 100;
export const DEFAULT_MAX_THREADS_PER_USER = 100_000;
/** The real service's maximum app-token lifetime. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = MAX_APP_TOKEN_LIFETIME_SECONDS;

export interface EmulatorOptions {
  /** File path or ':memory:' (default ':memory:'). */
  db?: string;
  org?: string;
  app?: string;
  appId?: string;
  appCertificate?: string;
  /** Easemob Client ID and Client Secret the token endpoint accepts (default: the public demo values). */
  clientId?: string;
  clientSecret?: string;
  /** Calls per second per endpoint; null = off (default 100). */
  rateLimit?: number | null;
  latency?: LatencySetting | null;
  /** 0..1: share of calls that fail (half before anything is applied, half after). */
  faultRate?: number;
  /** Seeds only when the database is empty (default 'none'). */
  seed?: 'demo' | 'none';
  /** Expose the test-only /_emulator/* routes (default false). */
  control?: boolean;
  /** When false every thread endpoint answers 403 `thread not open.` (default true). */
  threadsEnabled?: boolean;
  /** How many threads one user may join (default 100,000). */
  maxThreadsPerUser?: number;
  /** When false a page that reaches the end carries no cursor (default true, like the real service). */
  cursorOnLastPage?: boolean;
  /** Answers where the public sources leave the API open; unset ones keep their defaults. */
  variants?: Partial<ApiVariants>;
  /** Host names it answers to, control routes included; any other gets 421 (default: any name). */
  hostnames?: readonly string[];
  /** Clock in ms, for tests (token expiry, rate windows). */
  now?: () => number;
  /** For faults and latency. */
  random?: () => number;
}

export interface EmulatorFaults {
  latency?: LatencySetting | null;
  faultRate?: number;
  rateLimit?: number | null;
  threadsEnabled?: boolean;
  maxThreadsPerUser?: number;
  cursorOnLastPage?: boolean;
  variants?: Partial<ApiVariants>;
  /** Faults forced onto the next calls, in order, regardless of faultRate. */
  script?: FaultKind[];
}

export interface Emulator {
  /** Serve it, or call app.request(). */
  app: Hono<EmulatorEnv>;
  /** Routes any absolute URL to the app; a dropped connection rejects with TypeError('fetch failed'). */
  fetch: typeof fetch;
  /** Current settings (live: setFaults updates them). Never holds the App Certificate or Client Secret. */
  config: Readonly<EmulatorConfig>;
  /** '/{org}/{app}' */
  basePath: string;
  /** Mints a valid app token at the emulator's clock (default lifetime 24 h). */
  issueAppToken(expireSeconds?: number): string;
  setFaults(faults: EmulatorFaults): void;
  /** Direct access for tests (listThreadMembers, threadExists, …) and fixtures (addUsers, createGroup, …). */
  store: EmulatorStore;
  /** Milliseconds the demo seed took when this instance seeded, else null. */
  seedMs: number | null;
  close(): void;
}

function checkOptions(options: EmulatorOptions): void {
  const { rateLimit, faultRate, latency, maxThreadsPerUser } = options;
  if (rateLimit != null && !(Number.isInteger(rateLimit) && rateLimit >= 1)) {
    throw new RangeError('rateLimit must be a positive integer or null');
  }
  if (faultRate !== undefined && !(faultRate >= 0 && faultRate <= 1)) {
    throw new RangeError('faultRate must be between 0 and 1');
  }
  if (latency && !isValidLatency(latency)) throw new RangeError('latency needs 0 <= minMs <= maxMs');
  if (maxThreadsPerUser !== undefined && !(Number.isInteger(maxThreadsPerUser) && maxThreadsPerUser >= 0)) {
    throw new RangeError('maxThreadsPerUser must be a non-negative integer');
  }
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  checkOptions(options);
  const org = options.org ?? 'demo';
  const appName = options.app ?? 'moderation';
  const credentials = {
    appId: options.appId ?? DEMO_APP_ID,
    appCertificate: options.appCertificate ?? DEMO_APP_CERTIFICATE,
    clientId: options.clientId ?? DEMO_CLIENT_ID,
    clientSecret: options.clientSecret ?? DEMO_CLIENT_SECRET,
  };
  const hex = createHash('md5').update(`${org}#${appName}`).digest('hex');
  const config: EmulatorConfig = {
    org,
    app: appName,
    appId: credentials.appId,
    applicationUuid: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`,
    rateLimit: options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit,
    threadsEnabled: options.threadsEnabled ?? true,
    maxThreadsPerUser: options.maxThreadsPerUser ?? DEFAULT_MAX_THREADS_PER_USER,
    cursorOnLastPage: options.cursorOnLastPage ?? true,
    variants: { ...DEFAULT_API_VARIANTS, ...options.variants },
  };
  const now = options.now ?? Date.now;
  const store = new EmulatorStore(options.db ?? ':memory:');
  const basePath = `/${org}/${appName}`;
  const runtime: EmulatorRuntime = {
    config,
    credentials,
    basePath,
    store,
    limiter: new SlidingWindowLimiter(),
    faults: { latency: options.latency ?? null, faultRate: options.faultRate ?? 0, script: [] },
    now,
    random: options.random ?? Math.random,
  };

  let seedMs: number | null = null;
  const seedIfEmpty = (): number | null => (store.isEmpty() ? seedDemo(store) : null);
  if (options.seed === 'demo') seedMs = seedIfEmpty();

  const issueAppToken = (expireSeconds = DEFAULT_TOKEN_LIFETIME_SECONDS) =>
    buildAppToken(credentials, expireSeconds, now());

  const setFaults = (faults: FaultUpdate): void => {
    if (faults.latency !== undefined) runtime.faults.latency = faults.latency;
    if (faults.faultRate !== undefined) runtime.faults.faultRate = faults.faultRate;
    if (faults.script !== undefined) runtime.faults.script = [...faults.script];
    if (faults.rateLimit !== undefined) {
      config.rateLimit = faults.rateLimit;
      runtime.limiter.reset();
    }
    if (faults.threadsEnabled !== undefined) config.threadsEnabled = faults.threadsEnabled;
    if (faults.maxThreadsPerUser !== undefined) config.maxThreadsPerUser = faults.maxThreadsPerUser;
    if (faults.cursorOnLastPage !== undefined) config.cursorOnLastPage = faults.cursorOnLastPage;
    if (faults.variants !== undefined) config.variants = { ...config.variants, ...faults.variants };
  };

  const app = new Hono<EmulatorEnv>();
  if (options.hostnames !== undefined) app.use('*', hostGuard(options.hostnames));
  app.use('*', async (c, next) => {
    c.set('emulator', runtime);
    c.set('startedAt', now());
    await next();
  });
  // Mounted before the gateway so test plumbing never sees latency, faults or rate limits.
  if (options.control) {
    app.route(
      '/_emulator',
      controlRoutes({
        reset: (seed) => {
          store.wipe();
          runtime.limiter.reset();
          runtime.faults.script = [];
          return { seedMs: seed === 'demo' ? seedDemo(store) : null };
        },
        seed: () => ({ seedMs: seedIfEmpty() }),
        setFaults,
        describeFaults: () => ({
          latency: runtime.faults.latency,
          faultRate: runtime.faults.faultRate,
          script: runtime.faults.script,
          rateLimit: config.rateLimit,
          threadsEnabled: config.threadsEnabled,
          maxThreadsPerUser: config.maxThreadsPerUser,
          cursorOnLastPage: config.cursorOnLastPage,
          variants: config.variants,
        }),
        issueAppToken,
      }),
    );
  }
  app.use('*', gateway);
  const api = new Hono<EmulatorEnv>();
  api.route('/', memberRoutes());
  api.route('/', threadRoutes());
  api.route('/', userThreadRoutes());
  api.route('/', groupMembershipRoutes());
  api.route('/', tokenRoutes());
  app.route(basePath, api);
  // Newer docs show /app-id/{app_id} as an alias of /{org}/{app}.
  app.route(`/app-id/${credentials.appId}`, api);

  const bases = [basePath, `/app-id/${credentials.appId}`];
  app.notFound((c) => {
    const knownPaths =
      config.variants.deletePath === 'singular'
        ? THREAD_API_PATHS
        : [...THREAD_API_PATHS, PLURAL_MEMBERS_PATH];
    const error = unmatchedRouteError(new URL(c.req.url).pathname, { bases, knownPaths });
    return c.json(errorEnvelope(error, now(), c.var.startedAt), error.status);
  });
  app.onError((error, c) => {
    const chatError = error instanceof ChatApiError ? error : chatErrors.internal();
    if (!(error instanceof ChatApiError)) console.error('emulator: unexpected error', error);
    return c.json(errorEnvelope(chatError, now(), c.var.startedAt), chatError.status);
  });

  return {
    app,
    fetch: createInProcessFetch(app),
    config,
    basePath,
    issueAppToken,
    setFaults,
    store,
    seedMs,
    close: () => store.close(),
  };
}
