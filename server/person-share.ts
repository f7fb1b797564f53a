// A person's Chat API calls, the browser's and those of the first screen the server renders for them, take
// turns with every operation on the endpoint they spend, and one person may use at most half of it, so that
// nobody's scrolling stalls a bulk operation or another person.
import { chatErrorResponse } from './chat-error.ts';
import type { ChatProxyHandler, MemberChangeListener } from './chat-proxy.ts';
import type { CallGovernor } from './operations/call-governor.ts';
import { chatEndpointOf } from './operations/chat-endpoint.ts';

/** How long a person's call waits for a turn before the browser is told to try again. */
const TURN_WAIT_MS = 3_000;

export type PersonForward = (
  request: Request,
  rawTarget: string,
  person: string,
  onMemberChange?: MemberChangeListener,
) => Promise<Response>;

export function forwardInTurn(governor: CallGovernor, forward: ChatProxyHandler): PersonForward {
  return async (request, rawTarget, person, onMemberChange) => {
    const endpoint = chatEndpointOf(request.method, rawTarget);
    // The proxy refuses it without calling the API.
    if (endpoint === null) return forward(request, rawTarget, onMemberChange);
    const share = Math.max(1, Math.floor(governor.callsPerSecond / 2));
    const lane = governor.lane(endpoint, `person:${person}`, {
      maxPerSecond: share,
      // More waiting than the share serves within the wait would only be refused later, at a cost meanwhile.
      maxWaiting: Math.ceil((share * TURN_WAIT_MS) / 1000),
    });
    const release = await lane.acquire(AbortSignal.any([request.signal, AbortSignal.timeout(TURN_WAIT_MS)]));
    if (release === null) {
      return chatErrorResponse(
        429,
        'reach_limit',
        'DashboardShareReached',
        "You have used your share of the Chat API's rate limit for the moment; try again in a few seconds.",
      );
    }
    try {
      return await forward(request, rawTarget, onMemberChange);
    } finally {
      release();
    }
  };
}
