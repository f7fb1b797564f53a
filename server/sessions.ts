// Signed-in sessions of AUTH_MODE=password, in memory: a restart signs everyone out, which is the safe side.
import { randomBytes } from 'node:crypto';

export interface Session {
  name: string;
  /** Part of the password hash at sign-in: a changed password ends every session of the account. */
  passwordStamp: string;
  expiresAt: number;
}

export interface SessionStore {
  /** Returns the new session's id: the cookie's value. */
  create(name: string, passwordStamp: string): { id: string; expiresAt: number };
  get(id: string): Session | null;
  remove(id: string): void;
}

export function passwordStamp(passwordHash: string): string {
  return passwordHash.slice(-16);
}

export function createSessionStore({
  lifetimeMs,
  now = Date.now,
}: {
  lifetimeMs: number;
  now?: () => number;
}): SessionStore {
  const sessions = new Map<string, Session>();
  const sweep = (): void => {
    for (const [id, session] of sessions) if (session.expiresAt <= now()) sessions.delete(id);
  };
  return {
    create(name, stamp) {
      sweep();
      // 256 random bits: guessing a live session is out of reach.
      const id = randomBytes(32).toString('base64url');
      const expiresAt = now() + lifetimeMs;
      sessions.set(id, { name, passwordStamp: stamp, expiresAt });
      return { id, expiresAt };
    },
    get(id) {
      const session = sessions.get(id);
      if (session === undefined) return null;
      if (session.expiresAt <= now()) {
        sessions.delete(id);
        return null;
      }
      return session;
    },
    remove(id) {
      sessions.delete(id);
    },
  };
}
