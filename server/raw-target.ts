// The request target exactly as the client sent it, before URL parsing resolves `..` or backslashes.

/**
 * Under @hono/node-server the original target is `env.incoming.url`; the Request URL has already been
 * normalised by the WHATWG URL parser (`/a/../b` → `/b`, `\` → `/`), which would hide traversal attempts.
 * In-process calls (tests) have no incoming message, so the Request URL is the best there is.
 */
export function rawRequestTarget(request: Request, env: unknown): string {
  if (typeof env === 'object' && env !== null && 'incoming' in env) {
    const incoming: unknown = env.incoming;
    if (typeof incoming === 'object' && incoming !== null && 'url' in incoming) {
      const url: unknown = incoming.url;
      // Absolute-form targets (`GET http://host/path`) keep their path after the authority.
      if (typeof url === 'string') return url.replace(/^https?:\/\/[^/]*/i, '');
    }
  }
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}
