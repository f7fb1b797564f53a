// What the activity filters accept, shared by the server, which refuses anything else with 400, and the
// dashboard, which says what is wrong before asking.

export type TextFilterName = 'thread' | 'username' | 'actor';

const RULES: Readonly<Record<TextFilterName, { pattern: RegExp; problem: string }>> = {
  thread: {
    pattern: /^[0-9A-Za-z_-]{1,64}$/,
    problem: 'A thread ID is 1 to 64 digits or letters (also _ and -).',
  },
  username: {
    pattern: /^[A-Za-z0-9_.-]{1,64}$/,
    problem: 'A username is 1 to 64 letters, digits, _, - or . (no spaces).',
  },
  actor: {
    pattern: /^[^\p{Cc}]{1,200}$/u,
    problem: '"Done by" is a name of at most 200 characters.',
  },
};

/** Why a text filter's value cannot be asked for, or null when it can. */
export function textFilterProblem(name: TextFilterName, value: string): string | null {
  const rule = RULES[name];
  return rule.pattern.test(value) ? null : rule.problem;
}

/** Why a time range cannot match anything, or null; both bounds in milliseconds, inclusive. */
export function rangeProblem(from: number | undefined, to: number | undefined): string | null {
  return from !== undefined && to !== undefined && from > to
    ? '"From" is after "To": nothing can match. Choose a "From" before the "To".'
    : null;
}
