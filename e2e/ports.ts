// Ports the end-to-end suite owns, so that it never talks to a dashboard someone else started.
// E2E_PORT moves the suite (and its emulator's control port, ten above) so that two checkouts can run it at once.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 8181);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/** The embedded emulator's own port, with its test-only control routes (faults, full member lists). */
export const E2E_EMULATOR_CONTROL_PORT = E2E_PORT + 10;
