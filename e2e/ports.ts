// Ports the end-to-end suite owns, so that it never talks to a dashboard someone else started.
// E2E_PORT moves the suite (and its emulator's control port, ten above) so that two checkouts can run it at once.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 8181);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/** The embedded emulator's own port, with its test-only control routes (faults, full member lists). */
export const E2E_EMULATOR_CONTROL_PORT = E2E_PORT + 10;
/** A second dashboard with password sign-in, started by the sign-in specs themselves. */
export const E2E_PASSWORD_PORT = E2E_PORT + 1;
/** A dashboard that a spec kills and starts again. */
export const E2E_RESTART_PORT = E2E_PORT + 2;
/** The server's stdout (its JSON log) of the whole run, scanned for tokens after the suite. */
export const E2E_SERVER_LOG = '.data/e2e/server.log';
