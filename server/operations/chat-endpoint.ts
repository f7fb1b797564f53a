// Which of the API's rate-limited endpoints a proxied call spends: the API counts its limit per endpoint.
import { matchChatRoute } from '../chat-routes.ts';
import { CHAT_PROXY_PREFIX } from '../chat-proxy.ts';
import type { ChatEndpoint } from './call-governor.ts';

/** Null for a call the proxy will refuse anyway. */
export function chatEndpointOf(method: string, rawTarget: string): ChatEndpoint | null {
  if (!rawTarget.startsWith(CHAT_PROXY_PREFIX)) return null;
  const route = matchChatRoute(method.toUpperCase(), rawTarget.slice(CHAT_PROXY_PREFIX.length));
  if (!route.ok) return null;
  const [first, second, third] = route.path.split('/');
  if (first === 'threads') return second === 'user' ? 'user-threads' : 'group-user-threads';
  if (first === 'chatgroups') return 'group-membership';
  if (route.path === 'thread') return 'threads';
  if (third !== 'users') return 'thread';
  return method === 'POST' ? 'add-members' : method === 'DELETE' ? 'remove-members' : 'members';
}
