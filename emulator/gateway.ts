// What sits in front of the real service: infrastructure faults and the request size limit. It runs before
// routing and auth, because a load balancer that times out or drops a connection does not care whether the
// request would have been authorised. Processing time is not added here but after the rate limit has
// counted the call (endpoint-guard.ts): the service counts a call when it arrives.
import type { MiddlewareHandler } from 'hono';
import { chatErrors } from './chat-error.ts';
import { errorEnvelope } from './envelope.ts';
import { decideFault } from './faults.ts';
import type { EmulatorEnv } from './hono-env.ts';
import { latencyFor, sleep } from './latency.ts';

/** The body limit of the real service ("about 5 KB"). */
export const MAX_BODY_BYTES = 5 * 1024;

/** Marks a response whose connection was dropped; emulator.fetch turns it into TypeError('fetch failed'). */
export const DROPPED_HEADER = 'x-emulator-dropped';

// The real gateway (nginx) answers 413 before the application sees the request, with its own HTML page and
// no JSON envelope; the emulator copies that so clients learn to cope with a non-JSON error body.
const TOO_LARGE_HTML =
  '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n' +
  '<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
const GATEWAY_TIMEOUT_HTML =
  "<html><body><h1>504 Gateway Time-out</h1>\nThe server didn't respond in time.\n</body></html>\n";

/** The client socket when served by @hono/node-server; undefined in-process. */
function socketOf(env: unknown): { destroy(): void } | undefined {
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined;
  const incoming: unknown = env.incoming;
  if (typeof incoming !== 'object' || incoming === null || !('socket' in incoming)) return undefined;
  const socket: unknown = incoming.socket;
  if (typeof socket !== 'object' || socket === null || !('destroy' in socket)) return undefined;
  const destroy: unknown = socket.destroy;
  return typeof destroy === 'function'
    ? {
        destroy: () => {
          destroy.call(socket);
        },
      }
    : undefined;
}

export const gateway: MiddlewareHandler<EmulatorEnv> = async (c, next) => {
  const rt = c.var.emulator;
  const fault = decideFault(rt.faults, rt.random);
  // A call refused in front of the service still takes its time; it never reaches the rate limit.
  if (fault?.startsWith('before-')) await sleep(latencyFor(rt.faults.latency, 'other', rt.random));
  if (fault === 'before-500') {
    return c.json(errorEnvelope(chatErrors.internal(), rt.now(), c.var.startedAt), 500);
  }
  if (fault === 'before-503') return c.body(null, 503);
  if (fault === 'before-504') return c.html(GATEWAY_TIMEOUT_HTML, 504);

  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > MAX_BODY_BYTES) return c.html(TOO_LARGE_HTML, 413);
    const text = await c.req.text();
    if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) return c.html(TOO_LARGE_HTML, 413);
    c.set('bodyText', text);
  } else {
    c.set('bodyText', '');
  }

  await next();

  if (fault === 'after-500') {
    c.res = c.json(errorEnvelope(chatErrors.internal(), rt.now(), c.var.startedAt), 500);
  } else if (fault === 'after-drop') {
    // Over HTTP the client sees the connection close without an answer; in-process the marker header tells
    // emulator.fetch to reject like undici does.
    socketOf(c.env)?.destroy();
    c.res = new Response(null, { status: 500, headers: { [DROPPED_HEADER]: '1' } });
  }
};
