// Forwards allow-listed /api/chat calls to the Chat REST API with the app token; refuses everything else.
import type { ForwardedMemberChange } from './audit-record.ts';
import { chatErrorResponse } from './chat-error.ts';
import { matchChatRoute } from './chat-routes.ts';
import { credentialSettings } from './config.ts';
import type { AppTokenProvider } from './credentials.ts';
import { TokenUnavailable } from './easemob-token.ts';
import { readBodyWithLimit, TOO_LARGE } from './request-body.ts';
import { NO_RETRY_HEADER } from '../src/lib/no-retry.ts';

/** The one thing the proxy needs from `fetch`; tests pass the emulator's in-process fetch. */
export type UpstreamFetch = (request: Request) => Promise<Response>;

export interface ChatUpstream {
  /** Origin of the Chat API, e.g. `https://a41.chat.agora.io`. */
  host: string;
  org: string;
  app: string;
  /** How messages name it, e.g. `the Chat API at https://…`; the embedded emulator's port stays unnamed. */
  name?: string;
}

export interface ChatProxyOptions {
  upstream: ChatUpstream;
  tokenProvider: AppTokenProvider;
  fetch: UpstreamFetch;
  /** How long to wait for the Chat API's complete answer. */
  timeoutMs?: number;
  /** Member add/remove bodies are at most 10 usernames; anything larger is not a dashboard request. */
  bodyLimitBytes?: number;
}

export const CHAT_PROXY_PREFIX = '/api/chat/';
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 15_000;
export const DEFAULT_BODY_LIMIT_BYTES = 8 * 1024;

/** Browser headers that may reach the Chat API; Cookie, Authorization and the rest stay behind. */
const FORWARDED_REQUEST_HEADERS = ['content-type', 'accept'] as const;
/** Chat API headers that reach the browser; the body's type is all the SPA needs. */
const FORWARDED_RESPONSE_HEADERS = ['content-type'] as const;

class UpstreamTimeout extends Error {}
class ClientGone extends Error {}

/** Settles with the promise, or rejects as soon as the signal aborts even if the promise ignores it. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The Chat API names its own address in the `uri` of every answer. For the embedded emulator that is a
 * loopback port worth keeping to the server, and no dashboard code reads it, so it is left out.
 */
function withoutUpstreamAddress(bytes: ArrayBuffer, contentType: string | null): ArrayBuffer | string {
  if (bytes.byteLength === 0 || !(contentType ?? '').includes('json')) return bytes;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return bytes;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !('uri' in parsed)) {
    return bytes;
  }
  const rest: Record<string, unknown> = { ...parsed };
  delete rest.uri;
  return JSON.stringify(rest);
}

/** Echoed paths are cut short: the message is for a developer, not a mirror for arbitrary input. */
const MAX_ECHOED_PATH = 200;

function notForwarded(method: string, target: string): Response {
  const path = (target.split('?')[0] ?? '').slice(0, MAX_ECHOED_PATH);
  return chatErrorResponse(
    404,
    'not_found',
    'ProxyRouteNotAllowed',
    `The dashboard does not forward ${method} ${CHAT_PROXY_PREFIX}${path} to the Chat API.`,
  );
}

/** Hears of every add or remove call the proxy forwarded, before its answer goes back to the browser. */
export type MemberChangeListener = (change: ForwardedMemberChange) => void;

export type ChatProxyHandler = (
  request: Request,
  rawTarget: string,
  onMemberChange?: MemberChangeListener,
) => Promise<Response>;

/**
 * Returns the proxy handler. `rawTarget` is the request target as the client sent it (path and query,
 * before URL normalisation or percent-decoding), so the allow-list judges exactly what arrived.
 */
export function createChatProxy({
  upstream,
  tokenProvider,
  fetch,
  timeoutMs = DEFAULT_UPSTREAM_TIMEOUT_MS,
  bodyLimitBytes = DEFAULT_BODY_LIMIT_BYTES,
}: ChatProxyOptions): ChatProxyHandler {
  const base = `${upstream.host}/${upstream.org}/${upstream.app}/`;
  const upstreamOrigin = new URL(upstream.host).origin;
  const apiName = upstream.name ?? `the Chat API at ${upstream.host}`;
  const ApiName = apiName.charAt(0).toUpperCase() + apiName.slice(1);
  const credentialsRefused = (): Response =>
    chatErrorResponse(
      502,
      'bad_gateway',
      'UpstreamCredentialsRefused',
      `${ApiName} refused the dashboard's credentials; check ${credentialSettings(tokenProvider.kind)}.`,
    );

  return async (request, rawTarget, onMemberChange) => {
    const method = request.method.toUpperCase();
    if (!rawTarget.startsWith(CHAT_PROXY_PREFIX)) return notForwarded(method, '');
    const target = rawTarget.slice(CHAT_PROXY_PREFIX.length);
    const route = matchChatRoute(method, target);
    if (!route.ok) {
      if (route.reason === 'not-allowed') return notForwarded(method, target);
      return chatErrorResponse(
        400,
        'illegal_argument',
        'IllegalArgumentException',
        `Query parameter "${route.parameter}" is malformed or repeated.`,
      );
    }

    let body: Uint8Array<ArrayBuffer> | undefined;
    if (route.body) {
      // Checked here rather than left to the API: a JSON content type also forces browsers to preflight.
      if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
        return chatErrorResponse(
          415,
          'web_application',
          'UnsupportedMediaType',
          'Send the usernames as JSON with Content-Type: application/json.',
        );
      }
      const read = await readBodyWithLimit(request, bodyLimitBytes);
      if (read === TOO_LARGE) {
        return chatErrorResponse(
          413,
          'request_entity_too_large',
          'RequestEntityTooLarge',
          `Request body is larger than ${bodyLimitBytes} bytes.`,
        );
      }
      body = read;
    }

    const url = new URL(`${base}${route.path}${route.query === '' ? '' : `?${route.query}`}`);
    // Defence in depth: the allow-list already guarantees this, but the token must never leave for elsewhere.
    if (url.origin !== upstreamOrigin) return notForwarded(method, target);

    const headers = new Headers();
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = request.headers.get(name);
      if (value !== null) headers.set(name, value);
    }

    // The browser may have gone while its body was read: an abandoned change must not be applied.
    if (request.signal.aborted) {
      return chatErrorResponse(499, 'client_closed_request', 'ClientClosedRequest', 'The browser went away.');
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new UpstreamTimeout()), timeoutMs);
    const onClientAbort = (): void => controller.abort(new ClientGone());
    request.signal.addEventListener('abort', onClientAbort, { once: true });
    let reported = false;
    try {
      const send = async (): Promise<[Response, ArrayBuffer]> => {
        headers.set(
          'authorization',
          `Bearer ${await untilAborted(tokenProvider.token(), controller.signal)}`,
        );
        const upstreamRequest = new Request(url, {
          method,
          headers,
          body: body ?? null,
          signal: controller.signal,
          // A redirect would carry the token to a URL the allow-list never saw.
          redirect: 'manual',
        });
        const response = await untilAborted(fetch(upstreamRequest), controller.signal);
        // Buffer within the time limit: a stalled body must end in a 504, not a hung browser request.
        return [response, await untilAborted(response.arrayBuffer(), controller.signal)];
      };
      let [response, bytes] = await send();
      // The token may have been revoked or the clock skewed: a refused call changed nothing, so a fresh
      // token and one repeat are safe even for a change. A fixed token cannot be renewed, so it is not retried.
      if (response.status === 401 && tokenProvider.renewable) {
        tokenProvider.invalidate();
        [response, bytes] = await send();
      }
      // Only the two member endpoints carry a body.
      if (body !== undefined) {
        reported = true;
        onMemberChange?.({
          method,
          path: route.path,
          body,
          upstream: { status: response.status, body: bytes },
        });
      }
      // Passed on as it is, the SPA would read it as its own sign-in failing.
      if (response.status === 401) return credentialsRefused();
      if (response.status >= 300 && response.status < 400) {
        return chatErrorResponse(
          502,
          'bad_gateway',
          'UpstreamRedirect',
          `${ApiName} answered with a redirect; check CHAT_HOST.`,
        );
      }
      // Member lists change under moderators' hands; React Query owns freshness, not the HTTP cache.
      const responseHeaders = new Headers({ 'cache-control': 'no-store' });
      for (const name of FORWARDED_RESPONSE_HEADERS) {
        const value = response.headers.get(name);
        if (value !== null) responseHeaders.set(name, value);
      }
      const contentType = response.headers.get('content-type');
      return new Response(bytes.byteLength === 0 ? null : withoutUpstreamAddress(bytes, contentType), {
        status: response.status,
        headers: responseHeaders,
      });
    } catch (error) {
      // A listener that failed (the audit log could not be written) is the server's failure, not the API's.
      if (reported) throw error;
      // No token could be had, so the call itself never left.
      if (error instanceof TokenUnavailable) {
        if (error.reason === 'refused') return credentialsRefused();
        return chatErrorResponse(
          502,
          'bad_gateway',
          'UpstreamUnreachable',
          `Could not get an app token from ${apiName}.`,
        );
      }
      // The call left: whether it was applied is unknown, and that too is recorded.
      if (body !== undefined) onMemberChange?.({ method, path: route.path, body, upstream: null });
      const reason: unknown = controller.signal.aborted ? controller.signal.reason : error;
      if (reason instanceof UpstreamTimeout) {
        const timedOut = chatErrorResponse(
          504,
          'gateway_timeout',
          'UpstreamTimeout',
          `${ApiName} did not answer within ${Math.round(timeoutMs / 1000)} s.`,
        );
        timedOut.headers.set(NO_RETRY_HEADER, 'upstream-timeout');
        return timedOut;
      }
      if (reason instanceof ClientGone) {
        // Nobody reads this answer; it only gives the request log an honest status.
        return chatErrorResponse(
          499,
          'client_closed_request',
          'ClientClosedRequest',
          'The browser went away.',
        );
      }
      return chatErrorResponse(502, 'bad_gateway', 'UpstreamUnreachable', `Could not reach ${apiName}.`);
    } finally {
      clearTimeout(timer);
      request.signal.removeEventListener('abort', onClientAbort);
    }
  };
}
