// Opaque page cursors shaped like the real service's: base64url of `<hash>:im:thread:<org>#<app>:<position>`.
// The hash binds a cursor to the list it came from (thread, user, group, sort), so a cursor replayed against
// another list is rejected rather than silently skipping items.
import { createHash } from 'node:crypto';
import { chatErrors } from './chat-error.ts';

export interface CursorScope {
  org: string;
  app: string;
  /** What is being paged, e.g. `members:<threadId>` or `threads:desc`. */
  list: string;
}

function scopeHash(scope: CursorScope): string {
  return createHash('md5').update(`${scope.org}#${scope.app}|${scope.list}`).digest('hex');
}

export function encodeCursor(scope: CursorScope, position: number): string {
  const raw = `${scopeHash(scope)}:im:thread:${scope.org}#${scope.app}:${position}`;
  return Buffer.from(raw, 'utf8').toString('base64url');
}

/** The position after which the next page starts; null for a first page (no or empty cursor). */
export function decodeCursor(scope: CursorScope, cursor: string | undefined): number | null {
  if (cursor === undefined || cursor === '') return null;
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(cursor)) throw chatErrors.invalidRequest();
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const prefix = `${scopeHash(scope)}:im:thread:${scope.org}#${scope.app}:`;
  if (!raw.startsWith(prefix)) throw chatErrors.invalidRequest();
  const position = raw.slice(prefix.length);
  if (!/^\d{1,15}$/.test(position)) throw chatErrors.invalidRequest();
  return Number(position);
}
