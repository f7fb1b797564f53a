// Supplies the Chat app token: a fixed one, one minted from App ID + certificate, or one fetched for an
// Easemob Client ID + Secret; the last two are renewed before they expire and on demand after a 401.
import agoraToken from 'agora-token';
import type { UpstreamFetch } from './chat-proxy.ts';
import { ConfigError, type ChatCredentials, type CredentialKind } from './config.ts';
import { fetchEasemobToken } from './easemob-token.ts';

// agora-token is CommonJS and Node's ESM loader does not see its named exports.
const { ChatTokenBuilder } = agoraToken;

/** The longest lifetime the Chat service accepts for an app token. */
export const APP_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
/** Renew once less than this share of the lifetime is left, so a token never expires mid-request. */
export const RENEW_WHEN_REMAINING = 0.2;
const DEFAULT_TOKEN_REQUEST_TIMEOUT_MS = 15_000;

export interface AppTokenProvider {
  readonly kind: CredentialKind;
  /** Whether invalidate() can lead to a different token; a fixed token cannot be renewed. */
  readonly renewable: boolean;
  /** The token to send as `Authorization: Bearer …`; minted, fetched or renewed on demand. */
  token(): Promise<string>;
  /** Forget the current token so the next `token()` gets a fresh one (no effect on a fixed token). */
  invalidate(): void;
}

/** Where an Easemob project's token endpoint is, and how to reach it. */
export interface TokenEndpoint {
  /** `https://host/{org}/{app}/token` */
  url: string;
  fetch: UpstreamFetch;
  timeoutMs?: number;
}

export interface AppTokenProviderOptions {
  /** Milliseconds since the epoch; injectable so tests can move time forward. */
  now?: () => number;
  lifetimeSeconds?: number;
  /** Required for Easemob credentials. */
  tokenEndpoint?: TokenEndpoint;
}

interface HeldToken {
  token: string;
  /** Clock reading after which the token is renewed; Infinity for one that never expires. */
  renewAt: number;
}

function renewAt(now: number, lifetimeSeconds: number): number {
  return lifetimeSeconds === 0 ? Infinity : now + lifetimeSeconds * 1000 * (1 - RENEW_WHEN_REMAINING);
}

function staticProvider(token: string): AppTokenProvider {
  return {
    kind: 'app-token',
    renewable: false,
    token: () => Promise.resolve(token),
    invalidate: () => undefined,
  };
}

/**
 * Holds one token and asks `obtain` for a new one when it is due or was invalidated. Concurrent callers
 * share one request, so a burst of calls after expiry fetches one token, not one each.
 */
function renewingProvider(
  kind: CredentialKind,
  now: () => number,
  obtain: () => Promise<HeldToken>,
): AppTokenProvider & { hold(token: HeldToken): void } {
  let current: HeldToken | null = null;
  let pending: Promise<HeldToken> | null = null;
  return {
    kind,
    renewable: true,
    hold(token) {
      current = token;
    },
    async token() {
      if (current !== null && now() < current.renewAt) return current.token;
      pending ??= obtain().finally(() => {
        pending = null;
      });
      const obtained = await pending;
      current = obtained;
      return obtained.token;
    },
    invalidate() {
      current = null;
    },
  };
}

function mintingProvider(
  appId: string,
  appCertificate: string,
  now: () => number,
  lifetimeSeconds: number,
): AppTokenProvider {
  const mint = (): HeldToken => {
    const token = ChatTokenBuilder.buildAppToken(appId, appCertificate, lifetimeSeconds);
    // The builder signals malformed input with an empty string rather than an exception.
    if (token === '') {
      throw new ConfigError(
        'Could not mint an Agora Chat app token: AGORA_APP_ID or AGORA_APP_CERTIFICATE is not a valid Agora value.',
      );
    }
    return { token, renewAt: renewAt(now(), lifetimeSeconds) };
  };
  const provider = renewingProvider('app-certificate', now, () => Promise.resolve(mint()));
  // Mint once up front so bad credentials stop start-up instead of failing the first request.
  provider.hold(mint());
  return provider;
}

function easemobProvider(
  clientId: string,
  clientSecret: string,
  now: () => number,
  lifetimeSeconds: number,
  endpoint: TokenEndpoint,
): AppTokenProvider {
  // No request at start-up: the host may be briefly unreachable, and /readyz reports refused credentials.
  return renewingProvider('easemob-client', now, async () => {
    const fetched = await fetchEasemobToken({
      url: endpoint.url,
      clientId,
      clientSecret,
      ttlSeconds: lifetimeSeconds,
      fetch: endpoint.fetch,
      timeoutMs: endpoint.timeoutMs ?? DEFAULT_TOKEN_REQUEST_TIMEOUT_MS,
    });
    return { token: fetched.token, renewAt: renewAt(now(), fetched.expiresIn) };
  });
}

export function createAppTokenProvider(
  credentials: ChatCredentials,
  {
    now = Date.now,
    lifetimeSeconds = APP_TOKEN_LIFETIME_SECONDS,
    tokenEndpoint,
  }: AppTokenProviderOptions = {},
): AppTokenProvider {
  switch (credentials.kind) {
    case 'app-token':
      return staticProvider(credentials.token);
    case 'app-certificate':
      return mintingProvider(credentials.appId, credentials.appCertificate, now, lifetimeSeconds);
    case 'easemob-client':
      if (tokenEndpoint === undefined) throw new Error('Easemob credentials need the token endpoint');
      return easemobProvider(
        credentials.clientId,
        credentials.clientSecret,
        now,
        lifetimeSeconds,
        tokenEndpoint,
      );
  }
}
