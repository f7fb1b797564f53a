// GET /api/session: which Chat backend the dashboard talks to, so the SPA can show it. Never a credential.
import type { CredentialKind } from './config.ts';

export type SessionInfo =
  | { backend: 'emulator'; org: string; app: string; credential: CredentialKind }
  | { backend: 'agora'; host: string; org: string; app: string; credential: CredentialKind };

/** The resolved Chat backend: a real Agora Chat host, or the emulator the server started itself. */
export interface ChatBackend {
  backend: 'emulator' | 'agora';
  host: string;
  org: string;
  app: string;
  credential: CredentialKind;
}

export function sessionInfo({ backend, host, org, app, credential }: ChatBackend): SessionInfo {
  // The embedded emulator's URL is an ephemeral loopback port: meaningless to the browser, so left out.
  return backend === 'emulator' ? { backend, org, app, credential } : { backend, host, org, app, credential };
}
