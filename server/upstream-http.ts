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

/** Calls `onSend` with the endpoint of each call as it leaves; returns the unsubscribe. */
export type UpstreamSends = (onSend: (endpoint: ChatEndpoint) => void) => () => void;

export interface UpstreamHttp {
  fetch: UpstreamFetch;
  sends: UpstreamSends;
  /** Closes the connections kept open. */
  close(): void;
}

/** Statuses whose answer has no body, which a Response refuses to be given one. */
const NO_BODY = new Set([101, 204, 205, 304]);

export function upstreamHttp({ host, org, app }: Pick<ChatUpstream, 'host' | 'org' | 'app'>): UpstreamHttp {
  const origin = new URL(host).origin;
  const base = `/${org}/${app}/`;
  const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
  const listeners = new Set<(endpoint: ChatEndpoint) => void>();

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
    const body = request.body === null ? null : Buffer.from(await request.arrayBuffer());
    const headers: Record<string, string> = Object.fromEntries(request.headers);
    if (body !== null) headers['content-length'] = String(body.byteLength);
    const endpoint = endpointOf(request.method, url);
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
          const status = answer.statusCode ?? 502;
          const answerHeaders = new Headers();
          for (const [name, value] of Object.entries(answer.headers)) {
            for (const one of Array.isArray(value) ? value : [value ?? '']) answerHeaders.append(name, one);
          }
          resolve(
            new Response(NO_BODY.has(status) ? null : Buffer.concat(chunks), {
              status,
              headers: answerHeaders,
            }),
          );
        });
      };
      const call = secure ? httpsRequest(url, options, onAnswer) : httpRequest(url, options, onAnswer);
      call.on('error', reject);
      if (endpoint !== null && listeners.size > 0) {
        call.once('socket', (socket: Socket) =>
          onLeaving(socket, secure, () => {
            for (const listener of listeners) listener(endpoint);
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
