// The state shared by the emulator's routes: configuration, store, clock and the knobs tests turn at run time.
import type { ApiVariants } from './api-variants.ts';
import type { EmulatorCredentials } from './auth.ts';
import type { FaultSettings } from './faults.ts';
import type { SlidingWindowLimiter } from './rate-limit.ts';
import type { EmulatorStore } from './store.ts';

export interface EmulatorConfig {
  org: string;
  app: string;
  appId: string;
  /** The `application` field of success envelopes: a fixed uuid derived from org and app. */
  applicationUuid: string;
  rateLimit: number | null;
  /** When false every thread endpoint answers 403 `thread not open.` */
  threadsEnabled: boolean;
  maxThreadsPerUser: number;
  /** When false a page that reaches the end of the list carries no cursor. */
  cursorOnLastPage: boolean;
  /** How the emulator answers where the public sources leave the API open (api-variants.ts). */
  variants: ApiVariants;
}

export interface EmulatorRuntime {
  config: EmulatorConfig;
  credentials: EmulatorCredentials;
  basePath: string;
  store: EmulatorStore;
  limiter: SlidingWindowLimiter;
  faults: FaultSettings;
  now: () => number;
  random: () => number;
}
