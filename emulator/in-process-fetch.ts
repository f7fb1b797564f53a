// A fetch that hands requests straight to the Hono app, for clients under test (e.g. ky's `fetch` option).
import type { Hono } from 'hono';
import { DROPPED_HEADER } from './gateway.ts';
import type { EmulatorEnv } from './hono-env.ts';

function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('This operation was aborted', 'AbortError');
}

export function createInProcessFetch(app: Hono<EmulatorEnv>): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const { signal } = request;
    if (signal.aborted) throw abortReason(signal);
    const handled = Promise.resolve(app.fetch(request));
    const response = await new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(abortReason(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      handled.then(
        (res) => {
          signal.removeEventListener('abort', onAbort);
          resolve(res);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
    // undici rejects exactly like this when the server closes the connection without answering.
    if (response.headers.has(DROPPED_HEADER)) throw new TypeError('fetch failed');
    return response;
  };
}
