// The dashboard's fetch layer wired to the real server app and an in-process emulator: no mocked fetch.
import type { EmulatorOptions } from '../../emulator/emulator.ts';
import { createHarness, type Harness, type HarnessOptions } from '../../server/test-harness.ts';
import { createApiClient } from '../api/http.ts';

export interface DashboardHarness extends Harness {
  api: ReturnType<typeof createApiClient>;
  /** Upstream calls whose URL contains `fragment`. */
  calls(fragment: string): number;
}

export function createDashboardHarness(
  emulator: EmulatorOptions = {},
  server: Omit<HarnessOptions, 'emulator'> = {},
): DashboardHarness {
  const harness = createHarness({ ...server, emulator });
  const api = createApiClient({
    baseUrl: 'http://dashboard.test/api',
    fetch: (input, init) => harness.app.fetch(new Request(input, init)) as Promise<Response>,
    retryBaseMs: 5,
  });
  return {
    ...harness,
    api,
    calls: (fragment) => harness.exchanges.filter((exchange) => exchange.url.includes(fragment)).length,
  };
}
