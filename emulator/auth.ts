// Verifies `Authorization: Bearer <app token>` the way the Chat service does: an AccessToken2 with the
// app's App ID, signed with its App Certificate, carrying the Chat service's app privilege, not expired.
import { AccessToken2, ServiceChat, kChatServiceType } from 'agora-token/src/AccessToken2.js';
import { chatErrors } from './chat-error.ts';
import { checkEasemobToken, EASEMOB_TOKEN_PREFIX } from './easemob-token.ts';
import type { ClientCredentials } from './easemob-token.ts';

/** The real service's maximum app-token lifetime. */
export const MAX_APP_TOKEN_LIFETIME_SECONDS = 24 * 3600;

export interface AppCredentials {
  appId: string;
  appCertificate: string;
}

/** An Agora project's App ID + certificate and an Easemob project's Client ID + secret: one app, two ways in. */
export type EmulatorCredentials = AppCredentials & ClientCredentials;

function verifyEasemobToken(token: string, credentials: ClientCredentials, nowMs: number): void {
  const check = checkEasemobToken(token, credentials, Math.floor(nowMs / 1000));
  if (check === 'corrupt') throw chatErrors.corruptToken();
  if (check === 'foreign') throw chatErrors.foreignToken();
  if (check === 'expired') throw chatErrors.expiredToken();
}

/**
 * Throws the matching 401 ChatApiError unless the header carries a valid app token: an AccessToken2 minted
 * from the App ID and certificate, or an Easemob token from the token endpoint.
 */
export function verifyAppToken(
  authorization: string | undefined,
  credentials: EmulatorCredentials,
  nowMs: number,
): void {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  const token = match?.[1];
  if (token === undefined) throw chatErrors.unauthorized();
  if (token.startsWith(EASEMOB_TOKEN_PREFIX)) {
    verifyEasemobToken(token, credentials, nowMs);
    return;
  }

  const parsed = new AccessToken2();
  if (!parsed.from_string(token)) throw chatErrors.corruptToken();

  const appId = typeof parsed.appId === 'string' ? parsed.appId : Buffer.from(parsed.appId).toString('utf8');
  // Well-formed but not this app's: the service does not say whether the App ID or the signature is wrong.
  if (appId.toLowerCase() !== credentials.appId.toLowerCase()) throw chatErrors.foreignToken();
  if (!parsed.verifySignature(credentials.appCertificate)) throw chatErrors.foreignToken();

  const appPrivilegeExpiry = parsed
    .getServices(kChatServiceType)
    .map((service) => service.__privileges[String(ServiceChat.kPrivilegeApp)])
    .find((expire) => expire !== undefined);
  // A user token (privilege 1) is valid for the SDK but never for REST calls.
  if (appPrivilegeExpiry === undefined) throw chatErrors.unauthorized();

  // Both the token and the privilege expiries are seconds relative to issueTs. The service never issues a
  // token that lives longer than a day, so one that claims to is refused as not its own.
  if (parsed.expire > MAX_APP_TOKEN_LIFETIME_SECONDS || appPrivilegeExpiry > MAX_APP_TOKEN_LIFETIME_SECONDS) {
    throw chatErrors.foreignToken();
  }
  const nowSeconds = Math.floor(nowMs / 1000);
  if (parsed.issueTs + parsed.expire < nowSeconds || parsed.issueTs + appPrivilegeExpiry < nowSeconds) {
    throw chatErrors.expiredToken();
  }
}

/** Mints an app token like ChatTokenBuilder.buildAppToken, but issued at the emulator's (injectable) clock. */
export function buildAppToken(credentials: AppCredentials, expireSeconds: number, nowMs: number): string {
  const token = new AccessToken2(
    credentials.appId,
    credentials.appCertificate,
    Math.floor(nowMs / 1000),
    expireSeconds,
  );
  const chat = new ServiceChat();
  chat.add_privilege(ServiceChat.kPrivilegeApp, expireSeconds);
  token.add_service(chat);
  const built = token.build();
  if (built === '') throw new Error('App ID and App Certificate must be 32 hexadecimal characters');
  return built;
}
