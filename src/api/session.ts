// GET /api/session: who is signed in with which role, and which Chat backend the server talks to;
// POST /api/auth/sign-in and /api/auth/sign-out.
import type { KyInstance } from 'ky';
import { ApiError } from './api-error.ts';
import { requestBlob, requestJson } from './http.ts';
import { MalformedResponse, asRecord, asString } from './parse.ts';

export type Role = 'viewer' | 'moderator';
export type AuthMode = 'none' | 'proxy' | 'password';

export interface SignedInUser {
  name: string;
  role: Role;
}

/** Who sells the project: the same REST API is Agora Chat, or Easemob (whose projects sign in by Client ID). */
export type ChatVendor = 'Agora Chat' | 'Easemob';

type Backend =
  | { backend: 'emulator'; org: string; app: string }
  | { backend: 'agora'; host: string; org: string; app: string; vendor: ChatVendor };

export type Session = Backend & { auth: AuthMode; user: SignedInUser };

export function parseUser(body: unknown, what: string): SignedInUser {
  const record = asRecord(body, what);
  const role = record.role;
  if (role !== 'viewer' && role !== 'moderator') throw new MalformedResponse(`${what}.role is unknown`);
  return { name: asString(record.name, `${what}.name`), role };
}

function parseBackend(record: Record<string, unknown>): Backend {
  const org = asString(record.org, 'session.org');
  const app = asString(record.app, 'session.app');
  if (record.backend === 'emulator') return { backend: 'emulator', org, app };
  if (record.backend === 'agora') {
    const vendor = record.credential === 'easemob-client' ? 'Easemob' : 'Agora Chat';
    return { backend: 'agora', host: asString(record.host, 'session.host'), org, app, vendor };
  }
  throw new MalformedResponse('session.backend is neither "emulator" nor "agora"');
}

export function parseSession(body: unknown): Session {
  const record = asRecord(body, 'session');
  const auth = record.auth;
  if (auth !== 'none' && auth !== 'proxy' && auth !== 'password') {
    throw new MalformedResponse('session.auth is not a known sign-in mode');
  }
  return { ...parseBackend(record), auth, user: parseUser(record.user, 'session.user') };
}

export function fetchSession(api: KyInstance, signal?: AbortSignal): Promise<Session> {
  return requestJson('the session', () => api.get('session', { signal }), parseSession);
}

/** The server's answer when no one is signed in, or the session has ended. */
export function isSignInRequired(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code === 'sign_in_required';
}

export function signIn(api: KyInstance, name: string, password: string): Promise<SignedInUser> {
  return requestJson(
    'signing in',
    () => api.post('auth/sign-in', { json: { name, password } }),
    (body) => parseUser(body, 'signed-in user'),
  );
}

export async function signOut(api: KyInstance): Promise<void> {
  // The answer is an empty 204; reading it as a blob reuses the fetch layer's error handling.
  await requestBlob('signing out', () => api.post('auth/sign-out'));
}
