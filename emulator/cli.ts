// `npm run emulator -- …`: the emulator as a standalone program for local development, staging and training.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseCliArgs, USAGE } from './cli-options.ts';
import {
  createEmulator,
  DEMO_APP_CERTIFICATE,
  DEMO_APP_ID,
  DEMO_CLIENT_ID,
  DEMO_CLIENT_SECRET,
} from './emulator.ts';
import { describeLatency } from './latency.ts';
import { describeVariants } from './api-variants.ts';
import { startEmulatorServer } from './serve.ts';

async function main(): Promise<void> {
  const parsed = parseCliArgs(process.argv.slice(2), process.env);
  if (parsed.kind === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`emulator: ${parsed.message}\nRun with --help for the list of options.\n`);
    process.exitCode = 2;
    return;
  }
  const { settings } = parsed;
  if (settings.db !== ':memory:') mkdirSync(path.dirname(path.resolve(settings.db)), { recursive: true });

  const started = performance.now();
  const emulator = createEmulator({
    db: settings.db,
    org: settings.org,
    app: settings.app,
    appId: settings.appId ?? DEMO_APP_ID,
    appCertificate: settings.appCertificate ?? DEMO_APP_CERTIFICATE,
    clientId: settings.clientId ?? DEMO_CLIENT_ID,
    clientSecret: settings.clientSecret ?? DEMO_CLIENT_SECRET,
    rateLimit: settings.rateLimit,
    latency: settings.latency,
    faultRate: settings.faultRate,
    seed: settings.seed,
    control: settings.control,
    variants: settings.variants,
  });
  const server = await startEmulatorServer(emulator, { port: settings.port, host: settings.host });
  const usesDemoCredentials = emulator.config.appId === DEMO_APP_ID && settings.appCertificate === undefined;

  const lines = [
    `Chat thread API emulator listening`,
    `  base URL:   ${server.baseUrl}`,
    `  database:   ${settings.db}`,
    emulator.seedMs === null
      ? `  seed:       ${settings.seed === 'demo' ? 'database already had data, not seeded' : 'none'}`
      : `  seed:       demo data written in ${emulator.seedMs} ms`,
    `  rate limit: ${settings.rateLimit === null ? 'off' : `${settings.rateLimit}/s per endpoint`}`,
    `  ready in:   ${Math.round(performance.now() - started)} ms`,
  ];
  if (settings.latency) lines.push(`  latency:    ${describeLatency(settings.latency)}`);
  if (settings.faultRate > 0) lines.push(`  fault rate: ${settings.faultRate}`);
  const variants = describeVariants(settings.variants);
  if (variants !== '') lines.push(`  variants:   ${variants}`);
  if (settings.control) lines.push(`  control:    ${server.url}/_emulator/ (test-only routes)`);
  // Only the public demo credentials' token is printed; a token for real credentials would be a secret.
  lines.push(
    usesDemoCredentials
      ? `  app token (24 h, demo App ID ${DEMO_APP_ID}):\n${emulator.issueAppToken()}`
      : '  app token: mint one with ChatTokenBuilder.buildAppToken from your App ID and App Certificate',
  );
  if (settings.clientSecret === undefined) {
    lines.push(
      `  Easemob:    POST ${server.baseUrl}/token with the demo Client ID ${DEMO_CLIENT_ID} (see README)`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  const shutdown = () => {
    void server.close().finally(() => {
      emulator.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
