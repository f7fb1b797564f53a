// `npm run dev`: the same API server as `npm start`, plus Vite's dev server proxying /api to it. The script
// `exec`s tsx, which hands a stop on to this process, so that stopping `npm run dev` stops both servers.
import path from 'node:path';
import { createServer } from 'vite';
import { startApiServer } from './api-server.ts';
import { devPortFrom, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { closeOnSignals } from './shutdown.ts';
import { exitOnStartupError } from './startup-error.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const api = await startApiServer(config, {
    distDir: path.join(projectRoot, 'dist'),
    logger: createLogger(undefined, { level: config.logLevel }),
  });
  let vite;
  try {
    vite = await createServer({
      root: projectRoot,
      server: {
        port: devPortFrom(process.env),
        strictPort: true,
        // Same origin for the SPA: the browser never learns where the API server or the Chat API is.
        proxy: { '/api': { target: api.localUrl } },
      },
    });
    await vite.listen();
  } catch (error) {
    await api.close();
    throw error;
  }
  const devServer = vite;
  console.log(`Thread Members Admin API on ${api.url} (backend: ${api.backendLabel})`);
  if (api.emulatorControlUrl !== null)
    console.log(`Emulator with control routes on ${api.emulatorControlUrl}`);
  devServer.printUrls();
  closeOnSignals(async () => {
    await devServer.close();
    await api.close();
  });
}

main().catch(exitOnStartupError);
