// How the server's calls reach the Chat API: Node's own HTTP client, on connections kept open between calls.
// Not `fetch`: it closes its connection after every request that carries a body with a method other than POST,
// PUT or PATCH, and the API's removal is a DELETE with a body. Each removal would then open a connection of
// its own, a TCP and TLS handshake more to a host that may be hundreds of milliseconds away.
// It also tells the governor when each call leaves (its request written to a connection), which is when the
// API starts counting it.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { CHAT_PROXY_PREFIX, type ChatUpstream, type UpstreamFetch } from './chat-proxy.ts';
import type { ChatEndpoint } from './operations/call-governor.ts';
import { chatEndpointOf } from './operations/chat-endpoint.ts';

/**
 * Calls `onSend` with the endpoint of each call as it is handed over, before it leaves; what `onSend` returns
 * is called when the call's request is written to its connection. Returns the unsubscribe.
 */
export type UpstreamSends = (onSend: (endpoint: ChatEndpoint) => (() => void) | undefined) => () => void;

export interface UpstreamHttp {
  fetch: UpstreamFetch;
  sends: UpstreamSends;
  /** Closes the connections kept open. */
  close(): void;
}

/** How long a connection stays open with no call on it. */
const IDLE_MS = 4_000;

/** Statuses whose answer has no body, which a Response refuses to be given one. */
const NO_BODY = new Set([101, 204, 205, 304]);

export function upstreamHttp({ host, org, app }: Pick<ChatUpstream, 'host' | 'org' | 'app'>): UpstreamHttp {
  const origin = new URL(host).origin;
  const base = `/${org}/${app}/`;
  // An idle connection closes after a few seconds, before a gateway would drop it unseen: a removal written to
  // a connection that is gone has an unknown outcome.
  const kept = { keepAlive: true, timeout: IDLE_MS };
  const agents = { http: new HttpAgent(kept), https: new HttpsAgent(kept) };
  const listeners = new Set<Parameters<UpstreamSends>[0]>();

  const endpointOf = (method: string, url: URL): ChatEndpoint | null =>
    url.origin === origin && url.pathname.startsWith(base)
      ? chatEndpointOf(method, CHAT_PROXY_PREFIX + url.pathname.slice(base.length) + url.search)
      : null;

  /** A request is written as soon as it has a connection: at once on an open one, after the handshake on a new one. */
  const onLeaving = (socket: Socket, secure: boolean, left: () => void): void => {
    if (!socket.connecting) left();
    else socket.once(secure ? 'secureConnect' : 'connect', left);
  };

  const fetch: UpstreamFetch = async (request) => {
    const url = new URL(request.url);
    const secure = url.protocol === 'https:';
    // Told before anything is awaited, so that calls are told of in the order they are handed over.
    const endpoint = endpointOf(request.method, url);
    const written: (() => void)[] = [];
    if (endpoint !== null) {
      for (const listener of listeners) {
        const onWritten = listener(endpoint);
        if (onWritten !== undefined) written.push(onWritten);
      }
    }
    const body = request.body === null ? null : Buffer.from(await request.arrayBuffer());
    const headers: Record<string, string> = Object.fromEntries(request.headers);
    if (body !== null) headers['content-length'] = String(body.byteLength);
    return new Promise<Response>((resolve, reject) => {
      const options = {
        method: request.method,
        headers,
        signal: request.signal,
        agent: secure ? agents.https : agents.http,
      };
      const onAnswer = (answer: IncomingMessage): void => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('error', reject);
        answer.on('end', () => {
          const status = answer.statusCode ?? 0;
          try {
            const answerHeaders = new Headers();
            for (const [name, value] of Object.entries(answer.headers)) {
              for (const one of Array.isArray(value) ? value : [value ?? '']) answerHeaders.append(name, one);
            }
            // A status outside 200-599 (from a misconfigured gateway) makes Response throw: the call fails.
            const answerBody = NO_BODY.has(status) ? null : Buffer.concat(chunks);
            resolve(new Response(answerBody, { status, headers: answerHeaders }));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(`Unusable answer, HTTP ${String(status)}`));
          }
        });
      };
      const call = secure ? httpsRequest(url, options, onAnswer) : httpRequest(url, options, onAnswer);
      call.on('error', reject);
      if (written.length > 0) {
        call.once('socket', (socket: Socket) =>
          onLeaving(socket, secure, () => {
            for (const onWritten of written) onWritten();
          }),
        );
      }
      call.end(body ?? undefined);
    });
  };

  return {
    fetch,
    sends: (onSend) => {
      listeners.add(onSend);
      return () => listeners.delete(onSend);
    },
    close: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
