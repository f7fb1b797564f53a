// Turns what a moderator pastes (any mix of newlines, commas, semicolons, spaces and tabs) into the usernames
// to send, and says exactly what was left out and why.
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

const SEPARATORS = /[\s,;]+/;
const QUOTED = /^(["'])(.*)\1$/;
/** The `'` that every CSV and copied result puts before a name starting with `-` (see protectFormula). */
const FORMULA_GUARD = /^'(?=[=+\-@])/;

export function parseUsernames(text: string): ParsedUsernames {
  const result: ParsedUsernames = { valid: [], invalid: [], duplicates: [], lowerCased: 0 };
  const seen = new Set<string>();
  for (const raw of text.split(SEPARATORS)) {
    if (raw === '') continue;
    const entry = raw.replace(QUOTED, '$2').replace(FORMULA_GUARD, '');
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

export const PROBLEM_TEXT: Record<UsernameProblem, string> = {
  empty: 'empty',
  'too-long': 'longer than 64 characters',
  'bad-character': 'only letters, digits, _ - and . are allowed',
};
