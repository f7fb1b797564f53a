// Answers only requests addressed to the host names it was given: a web page that rebinds its own name onto
// a loopback address reaches the port, but its requests still carry the foreign name and are turned away.
import type { MiddlewareHandler } from 'hono';

/** The names a loopback listener is reached by. */
export const LOOPBACK_HOSTNAMES: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export function hostGuard(hostnames: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    // The Node adapter builds the URL from the Host header.
    const hostname = hostnameOf(c.req.url);
    if (!hostnames.includes(hostname)) {
      return c.json(
        {
          error: 'misdirected_request',
          error_code: 42100,
          error_description: `This emulator does not answer to the host name "${hostname}".`,
        },
        421,
      );
    }
    await next();
  };
}
