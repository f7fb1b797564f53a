// GET /readyz: ready when the Chat API answers a read with the configured credentials, through the same
// proxy path (renewal, timeout) that the dashboard's own calls take.
import type { Context } from 'hono';
import type { ChatProxyHandler } from './chat-proxy.ts';
import { credentialSettings, type CredentialKind } from './config.ts';
import type { ServerEnv } from './server-env.ts';

/** The cheapest allow-listed read: one thread id. */
const PROBE_TARGET = '/api/chat/thread?limit=1';

/** Our own words for each failure: the upstream body is not repeated, as it is not ours to vouch for. */
function reasonFor(status: number, exception: string | null, credentials: CredentialKind): string {
  if (exception === 'UpstreamCredentialsRefused') {
    return `The Chat API refused the configured credentials; check ${credentialSettings(credentials)}.`;
  }
  if (exception === 'UpstreamTimeout') return 'The Chat API did not answer in time.';
  if (exception === 'UpstreamUnreachable') return 'The Chat API could not be reached; check CHAT_HOST.';
  if (status === 429) return 'The Chat API is rate limiting this app; try again in a second.';
  if (status === 404) return 'The Chat API does not know this org and app; check CHAT_ORG and CHAT_APP.';
  return `The Chat API answered ${status} to a thread list request.`;
}

async function exceptionOf(response: Response): Promise<string | null> {
  try {
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null && 'exception' in body) {
      return typeof body.exception === 'string' ? body.exception : null;
    }
  } catch {
    // A body that is not JSON has no exception name to report.
  }
  return null;
}

/** Probes answer without sign-in, so a flood of them must not spend the app's rate limit on the Chat API. */
const REUSE_ANSWER_MS = 5000;

type Readiness = { status: 'ready' } | { status: 'not ready'; reason?: string };

async function checkReadiness(forward: ChatProxyHandler, credentials: CredentialKind): Promise<Readiness> {
  const response = await forward(new Request(`http://readiness.local${PROBE_TARGET}`), PROBE_TARGET);
  if (response.status === 200) return { status: 'ready' };
  return {
    status: 'not ready',
    reason: reasonFor(response.status, await exceptionOf(response), credentials),
  };
}

/**
 * Returns the /readyz handler: the Chat API is asked at most once per few seconds. Why it is not ready names
 * settings and hosts, so it goes only to those `mayExplain` allows (signed-in people, the machine itself).
 */
export function readinessProbe(
  forward: ChatProxyHandler,
  credentials: CredentialKind,
  mayExplain: (c: Context<ServerEnv>) => Promise<boolean>,
  now: () => number = Date.now,
): (c: Context<ServerEnv>) => Promise<Response> {
  let last: { at: number; answer: Promise<Readiness> } | null = null;
  return async (c) => {
    if (last === null || now() - last.at >= REUSE_ANSWER_MS)
      last = { at: now(), answer: checkReadiness(forward, credentials) };
    const checked = await last.answer;
    const answer = checked.status === 'ready' || (await mayExplain(c)) ? checked : { status: checked.status };
    return Response.json(answer, {
      status: answer.status === 'ready' ? 200 : 503,
      headers: { 'cache-control': 'no-store' },
    });
  };
}
