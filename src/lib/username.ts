// Username rules of the Chat API, shared by the dashboard, the server and the emulator.

export const USERNAME_MAX_LENGTH = 64;

/** Why a username cannot be sent to the API, or null when it can. */
export type UsernameProblem = 'empty' | 'too-long' | 'bad-character';

const ALLOWED = /^[A-Za-z0-9_.-]+$/;

export function usernameProblem(name: string): UsernameProblem | null {
  if (name.length === 0) return 'empty';
  if (name.length > USERNAME_MAX_LENGTH) return 'too-long';
  if (!ALLOWED.test(name)) return 'bad-character';
  return null;
}

/** The API treats `Alice` and `alice` as the same user; lower case is the canonical form. */
export function normalizeUsername(name: string): string {
  return name.toLowerCase();
}
