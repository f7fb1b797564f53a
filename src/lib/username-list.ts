// Turns what a moderator pastes (any mix of newlines, commas, semicolons, spaces and tabs) into the usernames
// to send, and says exactly what was left out and why.
import { unprotectFormula } from './formula-guard.ts';
import { normalizeUsername, usernameProblem, type UsernameProblem } from './username.ts';

export interface ParsedUsernames {
  /** Valid, lower-cased, each once, in the order first given. */
  valid: string[];
  /** Entries that cannot be sent, each with its reason, as typed. */
  invalid: { entry: string; problem: UsernameProblem }[];
  /** Repeats of a valid name (ignoring case), as typed; only the first is kept. */
  duplicates: string[];
  /** How many valid names were typed with capitals and sent in lower case. */
  lowerCased: number;
}

/**
 * One entry: a double-quoted field as CSV writes it (so `"Ann Lee"` or `"a,b"` stays one entry, which is how a
 * file's cell reaches the box), else a run of anything but separators. An unclosed quote is a plain character.
 */
const ENTRY = /"((?:[^"]|"")*)"(?=[\s,;]|$)|[^\s,;]+/g;
const SINGLE_QUOTED = /^'(.*)'$/;

export function parseUsernames(text: string): ParsedUsernames {
  const result: ParsedUsernames = { valid: [], invalid: [], duplicates: [], lowerCased: 0 };
  const seen = new Set<string>();
  for (const [raw, quoted] of text.matchAll(ENTRY)) {
    const entry = unprotectFormula(
      quoted === undefined ? raw.replace(SINGLE_QUOTED, '$1') : quoted.replaceAll('""', '"'),
    );
    const problem = usernameProblem(entry);
    if (problem) {
      result.invalid.push({ entry, problem });
      continue;
    }
    const name = normalizeUsername(entry);
    if (seen.has(name)) {
      result.duplicates.push(entry);
      continue;
    }
    seen.add(name);
    if (name !== entry) result.lowerCased++;
    result.valid.push(name);
  }
  return result;
}

/**
 * A file's cell as one entry of the box: bare when it holds no separator or quote, else double-quoted the way
 * CSV quotes it, so that `Ann Lee` is judged as the one entry it is rather than split into two usernames.
 */
export function entryText(cell: string): string {
  return /^[^\s,;"]+$/.test(cell) ? cell : `"${cell.replaceAll('"', '""')}"`;
}

export const PROBLEM_TEXT: Record<UsernameProblem, string> = {
  empty: 'empty',
  'too-long': 'longer than 64 characters',
  'bad-character': 'only letters, digits, _ - and . are allowed',
};
