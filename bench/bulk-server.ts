// The real server on a fresh data directory for the bulk benchmarks, in front of the emulator running in a
// process of its own as the Chat API runs on a host of its own: the server's CPU is the server's alone, as in
// production. The emulator's control routes let the benchmark read a thread's true membership behind the
// server's back.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_APP_CERTIFICATE, DEMO_APP_ID } from '../emulator/emulator.ts';
import { startApiServer } from '../server/api-server.ts';
import { loadConfig } from '../server/config.ts';
import type { Logger } from '../server/logger.ts';
import { startEmulatorProcess } from './emulator-process.ts';

export interface BulkServerSettings {
  rateLimit: number;
  /** The emulator's --latency: milliseconds, `MIN-MAX` or `realistic`. */
  latency: string;
  faultRate: number;
}

export interface BulkServer {
  /** What the SPA's api client gets as its base: the server's origin + `/api`. */
  apiBaseUrl: string;
  /** Origin of the emulator with its `/_emulator/*` control routes. */
  emulatorControlUrl: string;
  close(): Promise<void>;
}

const silentLogger: Logger = { log: () => undefined };

export async function startBulkServer(settings: BulkServerSettings): Promise<BulkServer> {
  const emulator = await startEmulatorProcess([
    '--control',
    '--rate-limit',
    String(settings.rateLimit),
    '--fault-rate',
    String(settings.faultRate),
    ...(settings.latency === '0' ? [] : ['--latency', settings.latency]),
  ]);
  const workDir = await mkdtemp(path.join(tmpdir(), 'tma-bench-bulk-'));
  try {
    // Only /api is measured: an empty dist/ spares a build (the server answers pages with its "not built" page).
    const distDir = path.join(workDir, 'dist');
    await mkdir(distDir);
    const { origin, pathname } = new URL(emulator.baseUrl);
    const [org = '', app = ''] = pathname.split('/').filter(Boolean);
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: path.join(workDir, 'data'),
      CHAT_HOST: origin,
      CHAT_ORG: org,
      CHAT_APP: app,
      AGORA_APP_ID: DEMO_APP_ID,
      AGORA_APP_CERTIFICATE: DEMO_APP_CERTIFICATE,
      CHAT_CALLS_PER_SECOND: String(settings.rateLimit),
    });
    const server = await startApiServer(config, { distDir, logger: silentLogger });
    return {
      apiBaseUrl: `${server.localUrl}/api`,
      emulatorControlUrl: origin,
      async close() {
        await server.close();
        emulator.stop();
        await rm(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    emulator.stop();
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
}
