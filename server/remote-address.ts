// The address of the machine that opened the connection: who a request came from, as far as TCP knows.

function property(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** Under @hono/node-server the socket is `env.incoming.socket`; in-process calls (tests) pass one in `env`. */
export function remoteAddress(env: unknown): string | null {
  const address = property(property(property(env, 'incoming'), 'socket'), 'remoteAddress');
  // A dual-stack socket reports IPv4 peers as IPv4-mapped IPv6 addresses.
  return typeof address === 'string' ? address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '') : null;
}
