// Start-up shared by `npm start` and `npm run dev`: resolve the Chat backend, then serve the app.
import { readAccounts } from './accounts.ts';
import { createServerApp } from './app.ts';
import { openAuditLog } from './audit-file.ts';
import { ConfigError, type ServerConfig } from './config.ts';
import { createAppTokenProvider } from './credentials.ts';
import { startEmbeddedEmulator } from './embedded-emulator.ts';
import { listen } from './listen.ts';
import type { Logger } from './logger.ts';
import { openOperationStore } from './operations/operation-file.ts';
import type { ChatBackend } from './session-route.ts';
import { upstreamHttp } from './upstream-http.ts';

export interface RunningApiServer {
  url: string;
  localUrl: string;
  /** `emulator` or `host/org/app`, for the start-up line. */
  backendLabel: string;
  /** Where the embedded emulator's control routes are, when EMULATOR_CONTROL_PORT asked for them. */
  emulatorControlUrl: string | null;
  /** The embedded emulator's database, and how long seeding the demo data took if this start did; else null. */
  emulatorData: { database: string; seedMs: number | null } | null;
  close(): Promise<void>;
}

export async function startApiServer(
  config: ServerConfig,
  { distDir, logger }: { distDir: string; logger: Logger },
): Promise<RunningApiServer> {
  const cleanups: (() => Promise<void>)[] = [];
  const closeAll = async (): Promise<void> => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    let backend: ChatBackend;
    let credentials;
    let emulatorControlUrl: string | null = null;
    let emulatorData: RunningApiServer['emulatorData'] = null;
    if (config.chat.kind === 'remote') {
      const { host, org, app } = config.chat;
      credentials = config.chat.credentials;
      backend = { backend: 'agora', host, org, app, credential: credentials.kind };
    } else {
      const emulator = await startEmbeddedEmulator(config.chat, config.dataDir);
      cleanups.push(() => emulator.close());
      credentials = emulator.credentials;
      emulatorControlUrl = emulator.controlUrl;
      emulatorData = { database: emulator.database, seedMs: emulator.seedMs };
      backend = {
        backend: 'emulator',
        host: emulator.url,
        org: emulator.org,
        app: emulator.app,
        credential: 'app-certificate',
      };
    }
    if (config.auth.mode === 'password' && (await readAccounts(config.auth.usersFile)).length === 0) {
      throw new ConfigError(
        `AUTH_MODE=password but ${config.auth.usersFile} holds no accounts, so nobody could sign in. ` +
          'Create one with: npm run users -- add NAME --role moderator',
      );
    }
    // An Easemob project's token endpoint sits beside the thread API, under the same org and app.
    const tokenProvider = createAppTokenProvider(credentials, {
      tokenEndpoint: { url: `${backend.host}/${backend.org}/${backend.app}/token`, fetch },
    });
    const upstream = upstreamHttp(backend);
    cleanups.push(() => Promise.resolve(upstream.close()));
    const audit = await openAuditLog(config.audit);
    cleanups.push(() => Promise.resolve(audit.close()));
    const operations = await openOperationStore(config.dataDir);
    cleanups.push(() => Promise.resolve(operations.close()));
    const app = createServerApp({
      config: backend,
      tokenProvider,
      fetch: upstream.fetch,
      sends: upstream.sends,
      logger,
      audit,
      auth: config.auth,
      distDir,
      allowedHostnames: config.allowedHostnames,
      operations: { store: operations, callsPerSecond: config.callsPerSecond },
    });
    cleanups.push(() => app.operations.close());
    const listening = await listen(app, config.host, config.port);
    cleanups.push(() => listening.close());
    const resumed = app.operations.resumeUnfinished();
    if (resumed > 0) logger.log('info', `resumed ${resumed} unfinished operation(s)`);
    return {
      url: listening.url,
      localUrl: listening.localUrl,
      backendLabel:
        backend.backend === 'emulator' ? 'emulator' : `${backend.host}/${backend.org}/${backend.app}`,
      emulatorControlUrl,
      emulatorData,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
