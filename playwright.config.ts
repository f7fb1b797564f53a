import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/chromium.ts';
import {
  E2E_BASE_URL,
  E2E_DATA_DIR,
  E2E_EMULATOR_CONTROL_PORT,
  E2E_OUTPUT_DIR,
  E2E_PORT,
  E2E_REPORT_DIR,
  E2E_SERVER_LOG,
} from './e2e/ports.ts';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  outputDir: E2E_OUTPUT_DIR,
  globalTeardown: './e2e/global-teardown.ts',
  reporter: process.env.CI
    ? [['list']]
    : [['list'], ['html', { open: 'never', outputFolder: E2E_REPORT_DIR }]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  webServer: {
    // The real server, as `npm start` runs it, on a port and data folder of the run's own; its log is kept
    // for the token scan after the suite.
    command: `mkdir -p ${E2E_DATA_DIR} && npm start | tee ${E2E_SERVER_LOG}`,
    url: `${E2E_BASE_URL}/healthz`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(E2E_PORT),
      DATA_DIR: E2E_DATA_DIR,
      EMULATOR_CONTROL_PORT: String(E2E_EMULATOR_CONTROL_PORT),
      // A line per request, so that the token scan after the suite reads everything the server logged.
      LOG_LEVEL: 'debug',
    },
  },
});
