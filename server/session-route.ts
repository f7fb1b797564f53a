// GET /api/session: who is signed in with which role, and which Chat backend the dashboard talks to, so the
// SPA can show both. Never a credential.
import type { AuthConfig, CredentialKind } from './config.ts';
import type { Identity } from './identity.ts';

type BackendInfo =
  | { backend: 'emulator'; org: string; app: string; credential: CredentialKind }
  | { backend: 'agora'; host: string; org: string; app: string; credential: CredentialKind };

export type SessionInfo = BackendInfo & { auth: AuthConfig['mode']; user: Identity };

/** The resolved Chat backend: a real Agora Chat host, or the emulator the server started itself. */
export interface ChatBackend {
  backend: 'emulator' | 'agora';
  host: string;
  org: string;
  app: string;
  credential: CredentialKind;
}

export function sessionInfo(
  { backend, host, org, app, credential }: ChatBackend,
  auth: AuthConfig['mode'],
  user: Identity,
): SessionInfo {
  // The embedded emulator's URL is an ephemeral loopback port: meaningless to the browser, so left out.
  const info: BackendInfo =
    backend === 'emulator' ? { backend, org, app, credential } : { backend, host, org, app, credential };
  return { ...info, auth, user: { name: user.name, role: user.role } };
}
