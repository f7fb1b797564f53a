// `POST /{org}/{app}/token`: an Easemob project's Client ID and Client Secret exchanged for an app token.
import { Hono } from 'hono';
import { chatErrors } from './chat-error.ts';
import { mintEasemobToken, sameSecret } from './easemob-token.ts';
import { endpointGuard } from './endpoint-guard.ts';
import type { EmulatorEnv } from './hono-env.ts';
import { readJsonObject } from './request-body.ts';

/** Without `ttl` a token lives as long as the console setting says; the emulator's stand-in is 60 days. */
export const DEFAULT_EASEMOB_TOKEN_TTL_SECONDS = 60 * 24 * 3600;

/** `ttl` in seconds, as a number or a string of digits (clients send both); 0 means no expiry. */
function readTtl(value: unknown): number {
  if (value === undefined || value === null) return DEFAULT_EASEMOB_TOKEN_TTL_SECONDS;
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,10}$/.test(text)) throw chatErrors.invalidRequest();
  return Number(text);
}

export function tokenRoutes(): Hono<EmulatorEnv> {
  const routes = new Hono<EmulatorEnv>();

  routes.post('/token', endpointGuard('token'), (c) => {
    const rt = c.var.emulator;
    const body = readJsonObject(c);
    const { grant_type: grantType, client_id: clientId, client_secret: clientSecret } = body;
    if (grantType !== 'client_credentials') throw chatErrors.invalidRequest();
    if (typeof clientId !== 'string' || typeof clientSecret !== 'string') throw chatErrors.invalidRequest();
    const ttl = readTtl(body.ttl);
    // One answer for a wrong id and a wrong secret, so the endpoint does not confirm which client ids exist.
    const matches =
      sameSecret(clientId, rt.credentials.clientId) && sameSecret(clientSecret, rt.credentials.clientSecret);
    if (!matches) throw chatErrors.unauthorized();
    const issuedAt = Math.floor(rt.now() / 1000);
    return c.json({
      access_token: mintEasemobToken(rt.credentials, issuedAt, ttl === 0 ? 0 : issuedAt + ttl),
      expires_in: ttl,
      application: rt.config.applicationUuid,
    });
  });

  return routes;
}
