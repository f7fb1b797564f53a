// Hono typing shared by the emulator's middleware and routes.
import type { EmulatorRuntime } from './runtime.ts';

export interface EmulatorEnv {
  Variables: {
    emulator: EmulatorRuntime;
    /** Clock reading when the request arrived, for `duration`. */
    startedAt: number;
    /** Raw request body, read once by the gateway (which enforces the size limit). */
    bodyText: string;
  };
}
