// Refuses requests under a foreign Host: DNS rebinding onto a loopback server. Cross-site changes are the
// origin guard's (origin-guard.ts), which runs once the request's sender is known.
import type { MiddlewareHandler } from 'hono';

function hostnameOf(host: string): string {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return '';
  }
}

/** `allowedHostnames`: the names the dashboard may be reached by; null accepts any. */
export function requestGuard(allowedHostnames: readonly string[] | null): MiddlewareHandler {
  return async (c, next) => {
    // Built from the Host header by the Node adapter; in-process requests carry it in their URL.
    const host = new URL(c.req.url).host;
    if (allowedHostnames !== null && !allowedHostnames.includes(hostnameOf(host))) {
      return c.text(
        `This dashboard is not served under the name "${hostnameOf(host)}". Open it by an allowed address, or add the name to ALLOWED_HOSTS.`,
        421,
      );
    }
    await next();
  };
}
