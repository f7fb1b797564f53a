// When each call to the Chat API actually leaves: Node's fetch announces every request the moment its headers
// are written to the socket. The governor counts a call from then, where it would otherwise have to guess:
// a hundred calls prepared in one burst of the server's work leave one after another across it, not at once.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { CHAT_PROXY_PREFIX, type ChatUpstream } from '../chat-proxy.ts';
import type { ChatEndpoint } from './call-governor.ts';
import { chatEndpointOf } from './chat-endpoint.ts';

/** Calls `onSend` with the endpoint of each call to `upstream` as it leaves; returns the unsubscribe. */
export type UpstreamSends = (onSend: (endpoint: ChatEndpoint) => void) => () => void;

const SEND_HEADERS = 'undici:client:sendHeaders';

interface SentRequest {
  request?: { origin?: unknown; path?: unknown; method?: unknown };
}

export function upstreamSends({ host, org, app }: Pick<ChatUpstream, 'host' | 'org' | 'app'>): UpstreamSends {
  const origin = new URL(host).origin;
  const base = `/${org}/${app}/`;
  return (onSend) => {
    const listener = (message: unknown): void => {
      const { request } = message as SentRequest;
      if (request === undefined || typeof request.path !== 'string' || typeof request.method !== 'string') {
        return;
      }
      if (String(request.origin) !== origin || !request.path.startsWith(base)) return;
      const endpoint = chatEndpointOf(request.method, CHAT_PROXY_PREFIX + request.path.slice(base.length));
      if (endpoint !== null) onSend(endpoint);
    };
    subscribe(SEND_HEADERS, listener);
    return () => unsubscribe(SEND_HEADERS, listener);
  };
}
