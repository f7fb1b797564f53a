// Runs an emulator on a real HTTP port (the server's embedded default, the CLI).
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Emulator } from './emulator.ts';

export interface RunningEmulatorServer {
  /** Origin, e.g. `http://127.0.0.1:8090`; the API lives under `baseUrl`. */
  url: string;
  /** `url` + the emulator's base path, e.g. `http://127.0.0.1:8090/demo/moderation`. */
  baseUrl: string;
  port: number;
  /** Stops listening and drops open connections; the emulator (and its database) stays open. */
  close(): Promise<void>;
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Listens on host:port (port 0 picks a free one) and resolves once the port is bound. */
export function startEmulatorServer(
  emulator: Emulator,
  { port, host = '127.0.0.1' }: { port: number; host?: string },
): Promise<RunningEmulatorServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: emulator.app.fetch, port, hostname: host }) as Server;
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.once('listening', () => {
      server.off('error', onError);
      const bound = (server.address() as AddressInfo).port;
      const url = `http://${hostForUrl(host)}:${bound}`;
      resolve({
        url,
        baseUrl: `${url}${emulator.basePath}`,
        port: bound,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Keep-alive connections would otherwise hold close() open for seconds.
            server.closeAllConnections();
          }),
      });
    });
  });
}
