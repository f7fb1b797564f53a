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
  const server = await startApiServer(config, { distDir, logger: createLogger() });
  console.log(`Thread Members Admin on ${server.url} (backend: ${server.backendLabel})`);
  if (server.emulatorControlUrl !== null) {
    console.log(`Emulator with control routes on ${server.emulatorControlUrl}`);
  }
  closeOnSignals(() => server.close());
}

main().catch(exitOnStartupError);
