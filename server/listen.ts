// Starts a Hono app on a host and port with @hono/node-server and reports the bound address.
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Env, Hono } from 'hono';
import { ConfigError } from './config.ts';

export interface Listening {
  /** URL to print, e.g. `http://127.0.0.1:8080`. */
  url: string;
  /** URL this process can reach itself at (a wildcard host becomes loopback), e.g. for Vite's proxy. */
  localUrl: string;
  port: number;
  close(): Promise<void>;
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

function urlFor(host: string, port: number): string {
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
}

export async function listen<E extends Env>(app: Hono<E>, host: string, port: number): Promise<Listening> {
  const server = createAdaptorServer({ fetch: app.fetch });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      // The two failures an operator can fix get a message that says how; ConfigError prints without a stack.
      if (error.code === 'EADDRINUSE') {
        reject(
          new ConfigError(`PORT ${port} is already in use on ${host}; stop the other process or set PORT.`),
        );
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(new ConfigError(`HOST ${host} is not an address of this machine.`));
      } else {
        reject(error);
      }
    });
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: urlFor(host, bound),
    localUrl: urlFor(WILDCARD_HOSTS.has(host) ? '127.0.0.1' : host, bound),
    port: bound,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections from browsers would otherwise hold close() open for minutes.
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
