// Ports and folders the end-to-end suite owns, so that it never talks to a dashboard someone else started.
// E2E_PORT moves the suite (and its emulator's control port, ten above) so that two runs can go side by side,
// in two checkouts or in one: every folder a run writes is named after its port.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 8181);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/** The embedded emulator's own port, with its test-only control routes (faults, full member lists). */
export const E2E_EMULATOR_CONTROL_PORT = E2E_PORT + 10;
/** A second dashboard with password sign-in, started by the sign-in specs themselves. */
export const E2E_PASSWORD_PORT = E2E_PORT + 1;
/** A dashboard that a spec kills and starts again. */
export const E2E_RESTART_PORT = E2E_PORT + 2;

/** Everything this run's servers keep: one folder per run, beside any other run's. */
const E2E_DATA_ROOT = `.data/e2e-${E2E_PORT}`;
export const E2E_DATA_DIR = `${E2E_DATA_ROOT}/server`;
export const E2E_PASSWORD_DATA_DIR = `${E2E_DATA_ROOT}/password`;
export const E2E_RESTART_DATA_DIR = `${E2E_DATA_ROOT}/restart`;
/** The server's stdout (its JSON log) of the whole run, scanned for tokens after the suite. */
export const E2E_SERVER_LOG = `${E2E_DATA_ROOT}/server.log`;
/** Playwright's traces and attachments, and its HTML report: each emptied by the run that writes it. */
export const E2E_OUTPUT_DIR = `test-results/e2e-${E2E_PORT}`;
export const E2E_REPORT_DIR = `playwright-report/e2e-${E2E_PORT}`;
