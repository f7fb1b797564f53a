// Supplies the Chat app token: a fixed one, or one minted from App ID + certificate and renewed before expiry.
import agoraToken from 'agora-token';
import { ConfigError, type ChatCredentials, type CredentialKind } from './config.ts';

// agora-token is CommonJS and Node's ESM loader does not see its named exports.
const { ChatTokenBuilder } = agoraToken;

/** The longest lifetime the Chat service accepts for an app token. */
export const APP_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
/** Renew once less than this share of the lifetime is left, so a token never expires mid-request. */
export const RENEW_WHEN_REMAINING = 0.2;

export interface AppTokenProvider {
  readonly kind: CredentialKind;
  /** The token to send as `Authorization: Bearer …`; minted or renewed on demand. */
  token(): string;
  /** Forget the current token so the next `token()` mints a fresh one (no effect on a fixed token). */
  invalidate(): void;
}

export interface AppTokenProviderOptions {
  /** Milliseconds since the epoch; injectable so tests can move time forward. */
  now?: () => number;
  lifetimeSeconds?: number;
}

function staticProvider(token: string): AppTokenProvider {
  return { kind: 'app-token', token: () => token, invalidate: () => undefined };
}

function mintingProvider(
  appId: string,
  appCertificate: string,
  { now = Date.now, lifetimeSeconds = APP_TOKEN_LIFETIME_SECONDS }: AppTokenProviderOptions,
): AppTokenProvider {
  let current: { token: string; renewAt: number } | null = null;

  const mint = (): { token: string; renewAt: number } => {
    const token = ChatTokenBuilder.buildAppToken(appId, appCertificate, lifetimeSeconds);
    // The builder signals malformed input with an empty string rather than an exception.
    if (token === '') {
      throw new ConfigError(
        'Could not mint a Chat app token: AGORA_APP_ID or AGORA_APP_CERTIFICATE is not a valid Agora value.',
      );
    }
    return { token, renewAt: now() + lifetimeSeconds * 1000 * (1 - RENEW_WHEN_REMAINING) };
  };

  // Mint once up front so bad credentials stop start-up instead of failing the first request.
  current = mint();

  return {
    kind: 'app-certificate',
    token() {
      if (current === null || now() >= current.renewAt) current = mint();
      return current.token;
    },
    invalidate() {
      current = null;
    },
  };
}

export function createAppTokenProvider(
  credentials: ChatCredentials,
  options: AppTokenProviderOptions = {},
): AppTokenProvider {
  return credentials.kind === 'app-token'
    ? staticProvider(credentials.token)
    : mintingProvider(credentials.appId, credentials.appCertificate, options);
}
