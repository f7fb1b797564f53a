// What the app bar's search box opens: a thread by its id, or a user's threads by their username.
import { isThreadId } from '../../lib/chat-ids.ts';
import { normalizeUsername, usernameProblem, USERNAME_MAX_LENGTH } from '../../lib/username.ts';

export type SearchTarget =
  { kind: 'thread'; path: string } | { kind: 'user'; path: string } | { kind: 'invalid'; message: string };

const EXPECTED =
  'Enter a thread ID (digits only, e.g. 180000000100002) or a username (letters, digits, _ - and .).';

export function searchTarget(text: string): SearchTarget {
  const entry = text.trim();
  // A digits-only entry is read as a thread id.
  if (isThreadId(entry)) return { kind: 'thread', path: `/threads/${entry}` };
  switch (usernameProblem(entry)) {
    case null:
      return { kind: 'user', path: `/users/${normalizeUsername(entry)}` };
    case 'empty':
      return { kind: 'invalid', message: EXPECTED };
    case 'too-long':
      return {
        kind: 'invalid',
        message: `A username has at most ${USERNAME_MAX_LENGTH} characters; this has ${entry.length}. ${EXPECTED}`,
      };
    case 'bad-character':
      return {
        kind: 'invalid',
        message: `“${entry}” is neither a thread ID nor a username: it has spaces or other characters neither can have. ${EXPECTED}`,
      };
  }
}
