// Who is making a request, as far as the server is concerned, and what their role lets them do.

export type Role = 'viewer' | 'moderator';

export interface Identity {
  name: string;
  role: Role;
}

/** Without sign-in (AUTH_MODE=none, loopback only) everyone is this moderator. */
export const LOCAL_MODERATOR: Identity = { name: 'local', role: 'moderator' };
