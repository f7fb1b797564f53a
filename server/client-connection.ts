// Who a request comes from and whether the browser's page is https. Behind a reverse proxy every request
// comes from the proxy, over http: its X-Forwarded-For and -Proto say the rest, believed only from the
// proxies the configuration lists.
import type { Context } from 'hono';
import { remoteAddress } from './remote-address.ts';
import type { ServerEnv } from './server-env.ts';

export interface ClientConnection {
  address: string;
  overTls: boolean;
}

export function clientOf(c: Context<ServerEnv>, trustedProxies: readonly string[]): ClientConnection {
  const peer = remoteAddress(c.env) ?? 'unknown';
  const direct = new URL(c.req.url).protocol === 'https:';
  if (!trustedProxies.includes(peer)) return { address: peer, overTls: direct };
  // The proxy appends the address it saw; whatever comes before it, the client may have written itself.
  const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
  return {
    address: forwarded || peer,
    overTls: direct || c.req.header('x-forwarded-proto') === 'https',
  };
}

/** The machine itself: 127.0.0.0/8 or ::1, also as an IPv4-mapped IPv6 address. */
export function isLoopbackAddress(address: string): boolean {
  return /^(127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3})$/i.test(address);
}
