// Exchanges an Easemob project's Client ID and Client Secret for an app token at `POST /{org}/{app}/token`.
import type { UpstreamFetch } from './chat-proxy.ts';

/** Why no token could be had; never carries the secret, the token or the upstream's body. */
export class TokenUnavailable extends Error {
  override name = 'TokenUnavailable';
  constructor(readonly reason: 'refused' | 'unreachable') {
    super(
      reason === 'refused'
        ? 'The token endpoint refused the credentials.'
        : 'The token endpoint could not be reached.',
    );
  }
}

export interface EasemobToken {
  token: string;
  /** Seconds the token lives; 0: it does not expire. */
  expiresIn: number;
}

export interface EasemobTokenRequest {
  /** `https://host/{org}/{app}/token` */
  url: string;
  clientId: string;
  clientSecret: string;
  /** The lifetime asked for, in seconds. */
  ttlSeconds: number;
  fetch: UpstreamFetch;
  timeoutMs: number;
}

function parseAnswer(body: unknown): EasemobToken | null {
  if (typeof body !== 'object' || body === null) return null;
  const { access_token: token, expires_in: expiresIn } = body as Record<string, unknown>;
  if (typeof token !== 'string' || !/^[\x21-\x7e]+$/.test(token)) return null;
  if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn < 0) return null;
  return { token, expiresIn };
}

export async function fetchEasemobToken(request: EasemobTokenRequest): Promise<EasemobToken> {
  let response: Response;
  let body: unknown;
  try {
    response = await request.fetch(
      new Request(request.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credentials',
          client_id: request.clientId,
          client_secret: request.clientSecret,
          ttl: request.ttlSeconds,
        }),
        // The secret must not follow a redirect to an address nobody configured.
        redirect: 'manual',
        signal: AbortSignal.timeout(request.timeoutMs),
      }),
    );
    body = response.ok ? await response.json() : null;
  } catch {
    throw new TokenUnavailable('unreachable');
  }
  if (response.status === 400 || response.status === 401 || response.status === 403) {
    throw new TokenUnavailable('refused');
  }
  const answer = parseAnswer(body);
  if (!response.ok || answer === null) throw new TokenUnavailable('unreachable');
  return answer;
}
