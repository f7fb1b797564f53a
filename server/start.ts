// `npm start`: build the SPA if needed, start the embedded emulator unless CHAT_HOST is set, and serve.
import path from 'node:path';
import { startApiServer } from './api-server.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { closeOnSignals } from './shutdown.ts';
import { buildSpaIfStale, spaBuildIsStale } from './spa-build.ts';
import { exitOnStartupError } from './startup-error.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
const distDir = path.join(projectRoot, 'dist');

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (await spaBuildIsStale(projectRoot, distDir)) {
    console.log('Building the dashboard (dist/ is missing or older than its sources)…');
    await buildSpaIfStale(projectRoot, distDir);
  }
  const server = await startApiServer(config, {
    distDir,
    logger: createLogger(undefined, { level: config.logLevel }),
  });
  console.log(`Thread Members Admin on ${server.url} (backend: ${server.backendLabel})`);
  console.log(
    `Data (audit log, operations${config.auth.mode === 'password' ? ', accounts' : ''}${server.emulatorData ? ', emulator' : ''}) in ${path.resolve(config.dataDir)}`,
  );
  if (server.emulatorData !== null) {
    const { database, seedMs } = server.emulatorData;
    console.log(
      seedMs === null
        ? `Emulator data as it was left, in ${path.resolve(database)} (delete it to start over)`
        : `Seeded the demo data into ${path.resolve(database)} in ${(seedMs / 1000).toFixed(1)} s`,
    );
  }
  if (server.emulatorControlUrl !== null) {
    console.log(`Emulator with control routes on ${server.emulatorControlUrl}`);
  }
  closeOnSignals(() => server.close());
}

main().catch(exitOnStartupError);
