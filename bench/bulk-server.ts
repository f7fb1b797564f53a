// The real server on a fresh demo database for the bulk benchmark, with the embedded emulator's control routes
// on their own port so that the benchmark can read a thread's true membership behind the server's back.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApiServer } from '../server/api-server.ts';
import { loadConfig } from '../server/config.ts';
import type { Logger } from '../server/logger.ts';
import { freePort } from '../server/free-port.ts';

export interface BulkServerSettings {
  rateLimit: number;
  /** EMULATOR_LATENCY: milliseconds, `MIN-MAX` or `realistic`. */
  latency: string;
  faultRate: number;
}

export interface BulkServer {
  /** What the SPA's api client gets as its base: the server's origin + `/api`. */
  apiBaseUrl: string;
  /** Origin of the embedded emulator with its `/_emulator/*` control routes. */
  emulatorControlUrl: string;
  close(): Promise<void>;
}

const silentLogger: Logger = { log: () => undefined };

export async function startBulkServer(settings: BulkServerSettings): Promise<BulkServer> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'tma-bench-bulk-'));
  try {
    // Only /api is measured: an empty dist/ spares a build (the server answers pages with its "not built" page).
    const distDir = path.join(workDir, 'dist');
    await mkdir(distDir);
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: path.join(workDir, 'data'),
      EMULATOR_RATE_LIMIT: String(settings.rateLimit),
      EMULATOR_LATENCY: settings.latency,
      CHAT_CALLS_PER_SECOND: String(settings.rateLimit),
      EMULATOR_FAULT_RATE: String(settings.faultRate),
      EMULATOR_CONTROL_PORT: String(await freePort()),
    });
    const server = await startApiServer(config, { distDir, logger: silentLogger });
    if (server.emulatorControlUrl === null) {
      await server.close();
      throw new Error('The embedded emulator did not expose its control routes.');
    }
    return {
      apiBaseUrl: `${server.localUrl}/api`,
      emulatorControlUrl: server.emulatorControlUrl,
      async close() {
        await server.close();
        await rm(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
}
