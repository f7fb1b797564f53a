// Reads and validates JSON request bodies the way the service's JAX-RS layer does.
import type { Context } from 'hono';
import { normalizeUsername } from '../src/lib/username.ts';
import { chatErrors } from './chat-error.ts';
import type { EmulatorEnv } from './hono-env.ts';

export const MAX_USERNAMES_PER_CALL = 10;

function isJsonContentType(value: string | undefined): boolean {
  return value !== undefined && /^\s*application\/([\w.+-]*\+)?json\s*(;|$)/i.test(value);
}

/**
 * Enforces the JSON content type (POST and PUT always, DELETE when it has a body) and parses the body.
 * Returns undefined for an empty body.
 */
export function readJsonBody(c: Context<EmulatorEnv>): unknown {
  const text = c.var.bodyText;
  const needsJson = c.req.method !== 'DELETE' || text.length > 0;
  if (needsJson && !isJsonContentType(c.req.header('content-type'))) throw chatErrors.unsupportedMediaType();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw chatErrors.jsonParse();
  }
}

export function readJsonObject(c: Context<EmulatorEnv>): Record<string, unknown> {
  const body = readJsonBody(c);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw chatErrors.invalidRequest();
  return body as Record<string, unknown>;
}

/** `{"usernames": [...]}`: 1 to 10 strings, lower-cased (the service treats usernames case-insensitively). */
export function readUsernames(c: Context<EmulatorEnv>): string[] {
  const usernames = readJsonObject(c).usernames;
  if (!Array.isArray(usernames) || usernames.length === 0) throw chatErrors.invalidRequest();
  if (usernames.length > MAX_USERNAMES_PER_CALL) throw chatErrors.bodyLimit();
  return usernames.map((name: unknown) => {
    if (typeof name !== 'string' || name.trim() === '') throw chatErrors.invalidRequest();
    return normalizeUsername(name);
  });
}

/** A required non-empty string field. */
export function requireString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') throw chatErrors.invalidRequest();
  return value;
}
