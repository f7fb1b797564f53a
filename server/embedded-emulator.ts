// Starts the emulator that `npm start` uses when no CHAT_HOST is configured.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createEmulator, DEMO_APP_CERTIFICATE, DEMO_APP_ID } from '../emulator/emulator.ts';
import { LOOPBACK_HOSTNAMES } from '../emulator/host-guard.ts';
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
  /** The App ID and certificate this start made up: the server mints tokens exactly as for a real project. */
  credentials: ChatCredentials;
  /** Set when EMULATOR_CONTROL_PORT exposes the control routes (on the emulator's own port, never via the proxy). */
  controlUrl: string | null;
  /** The emulator's database file. */
  database: string;
  /** Milliseconds the demo data took to seed when this start found the database empty, else null. */
  seedMs: number | null;
  close(): Promise<void>;
}

export async function startEmbeddedEmulator(
  settings: EmbeddedEmulatorConfig,
  dataDir: string,
): Promise<EmbeddedEmulator> {
  const db = path.join(dataDir, 'emulator.sqlite');
  await ensureOwnerOnlyFile(db);
  const credentials = embeddedCredentials(settings);
  const emulator = createEmulator({
    db,
    org: EMBEDDED_ORG,
    app: EMBEDDED_APP,
    appId: credentials.appId,
    appCertificate: credentials.appCertificate,
    // Never used by the server, but the token endpoint must not accept the public demo secret either.
    clientId: randomCredential(),
    clientSecret: randomCredential(),
    rateLimit: settings.rateLimit,
    latency: settings.latency,
    faultRate: settings.faultRate,
    // The emulator seeds only an empty database, so a restart keeps what moderators changed.
    seed: 'demo',
    control: settings.controlPort !== null,
    variants: settings.variants,
    hostnames: LOOPBACK_HOSTNAMES,
  });
  let server;
  try {
    // Loopback only: it holds no real users, but nobody else on the network should change its memberships.
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
    credentials,
    controlUrl: settings.controlPort === null ? null : running.url,
    database: db,
    seedMs: emulator.seedMs,
    async close() {
      await running.close();
      emulator.close();
    },
  };
}

const randomCredential = (): string => randomBytes(16).toString('hex');

/**
 * A fresh App ID and certificate for each start, known only to this process: anyone else on the machine who
 * finds the loopback port still cannot call it, so every change goes through the dashboard's roles and audit.
 * With EMULATOR_CONTROL_PORT the public demo values stay: that switch is for test suites, which drive the
 * emulator from outside, and its control routes answer without any token anyway.
 */
function embeddedCredentials(
  settings: EmbeddedEmulatorConfig,
): ChatCredentials & { kind: 'app-certificate' } {
  if (settings.controlPort !== null) {
    return { kind: 'app-certificate', appId: DEMO_APP_ID, appCertificate: DEMO_APP_CERTIFICATE };
  }
  return { kind: 'app-certificate', appId: randomCredential(), appCertificate: randomCredential() };
}
