// Easemob-style app tokens: what `POST /{org}/{app}/token` hands out for a Client ID and Client Secret.
// The real format is opaque (it starts `YWMt`); the emulator's are signed with the Client Secret, so they
// survive a restart and a token from another emulator or secret is recognised as not its own.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** Every Easemob app token starts like this. */
export const EASEMOB_TOKEN_PREFIX = 'YWMt';

function signature(credentials: ClientCredentials, issuedAt: number, expiresAt: number): string {
  return createHmac('sha256', credentials.clientSecret)
    .update(`${credentials.clientId}|${issuedAt}|${expiresAt}`)
    .digest('base64url');
}

/** `expiresAt` 0 means the token never expires (a `ttl` of 0). Times in seconds since the epoch. */
export function mintEasemobToken(
  credentials: ClientCredentials,
  issuedAt: number,
  expiresAt: number,
): string {
  const payload = `${issuedAt}.${expiresAt}.${signature(credentials, issuedAt, expiresAt)}`;
  return `${EASEMOB_TOKEN_PREFIX}${Buffer.from(payload, 'utf8').toString('base64url')}`;
}

export type EasemobTokenCheck = 'valid' | 'corrupt' | 'foreign' | 'expired';

export function checkEasemobToken(
  token: string,
  credentials: ClientCredentials,
  nowSeconds: number,
): EasemobTokenCheck {
  const encoded = token.slice(EASEMOB_TOKEN_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return 'corrupt';
  const match = /^(\d{1,12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(
    Buffer.from(encoded, 'base64url').toString('utf8'),
  );
  if (match === null) return 'corrupt';
  const issuedAt = Number(match[1]);
  const expiresAt = Number(match[2]);
  const expected = Buffer.from(signature(credentials, issuedAt, expiresAt));
  const given = Buffer.from(match[3] ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'foreign';
  return expiresAt !== 0 && expiresAt < nowSeconds ? 'expired' : 'valid';
}

/** Constant-time comparison of a presented secret with the configured one. */
export function sameSecret(presented: string, configured: string): boolean {
  const a = createHmac('sha256', 'compare').update(presented).digest();
  const b = createHmac('sha256', 'compare').update(configured).digest();
  return timingSafeEqual(a, b);
}
