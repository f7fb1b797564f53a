// Starts the emulator that `npm start` uses when no CHAT_HOST is configured.
import path from 'node:path';
import { createEmulator, DEMO_APP_CERTIFICATE, DEMO_APP_ID } from '../emulator/emulator.ts';
import { startEmulatorServer } from '../emulator/serve.ts';
import type { ChatCredentials, EmbeddedEmulatorConfig } from './config.ts';
import { ensureOwnerOnlyFile } from './private-file.ts';

export const EMBEDDED_ORG = 'demo';
export const EMBEDDED_APP = 'moderation';

export interface EmbeddedEmulator {
  /** Origin the server uses as its Chat host. */
  url: string;
  org: string;
  app: string;
  /** The emulator's demo App ID and certificate: the server mints tokens exactly as for a real project. */
  credentials: ChatCredentials;
  /** Set when EMULATOR_CONTROL_PORT exposes the control routes (on the emulator's own port, never via the proxy). */
  controlUrl: string | null;
  close(): Promise<void>;
}

export async function startEmbeddedEmulator(
  settings: EmbeddedEmulatorConfig,
  dataDir: string,
): Promise<EmbeddedEmulator> {
  const db = path.join(dataDir, 'emulator.sqlite');
  await ensureOwnerOnlyFile(db);
  const emulator = createEmulator({
    db,
    org: EMBEDDED_ORG,
    app: EMBEDDED_APP,
    appId: DEMO_APP_ID,
    appCertificate: DEMO_APP_CERTIFICATE,
    rateLimit: settings.rateLimit,
    latency: settings.latency,
    faultRate: settings.faultRate,
    // The emulator seeds only an empty database, so a restart keeps what moderators changed.
    seed: 'demo',
    control: settings.controlPort !== null,
    variants: settings.variants,
  });
  let server;
  try {
    // Loopback only: the emulator accepts the demo credentials, which are public.
    server = await startEmulatorServer(emulator, { host: '127.0.0.1', port: settings.controlPort ?? 0 });
  } catch (error) {
    emulator.close();
    throw error;
  }
  const running = server;
  return {
    url: running.url,
    org: EMBEDDED_ORG,
    app: EMBEDDED_APP,
    credentials: { kind: 'app-certificate', appId: DEMO_APP_ID, appCertificate: DEMO_APP_CERTIFICATE },
    controlUrl: settings.controlPort === null ? null : running.url,
    async close() {
      await running.close();
      emulator.close();
    },
  };
}
