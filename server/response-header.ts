// Setting a header on the response a middleware sees, whether or not its headers are mutable.
import type { Context } from 'hono';

export function setResponseHeader(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    // Some responses (e.g. straight from fetch) have immutable headers: copy, then set.
    c.res = new Response(c.res.body, c.res);
    c.res.headers.set(name, value);
  }
}
