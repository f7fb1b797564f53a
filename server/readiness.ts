// GET /readyz: ready when the Chat API answers a read with the configured credentials, through the same
// proxy path (renewal, timeout) that the dashboard's own calls take.

/** The cheapest allow-listed read: one thread id. */
const PROBE_TARGET = '/api/chat/thread?limit=1';

export type ChatForward = (request: Request, rawTarget: string) => Promise<Response>;

/** Our own words for each failure: the upstream body is not repeated, as it is not ours to vouch for. */
function reasonFor(status: number, exception: string | null): string {
  if (exception === 'UpstreamCredentialsRefused') {
    return 'The Chat API refused the configured credentials; check CHAT_APP_TOKEN or AGORA_APP_ID and AGORA_APP_CERTIFICATE.';
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

export async function readiness(forward: ChatForward): Promise<Response> {
  const response = await forward(new Request(`http://readiness.local${PROBE_TARGET}`), PROBE_TARGET);
  const headers = { 'cache-control': 'no-store' };
  if (response.status === 200) return Response.json({ status: 'ready' }, { headers });
  const reason = reasonFor(response.status, await exceptionOf(response));
  return Response.json({ status: 'not ready', reason }, { status: 503, headers });
}
