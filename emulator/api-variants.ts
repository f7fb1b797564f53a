// The points where public sources leave the Chat API open, each a switch so clients can be tested against
// every answer a real host may give. The defaults are the emulator's earlier choices.

export const API_VARIANT_VALUES = {
  /** Adding a user who is not in the thread's group (or does not exist). */
  addOutsider: ['forbidden-op', 'not-in-group', 'skip'],
  /** Adding a user who is already a member of the thread. */
  addMember: ['noop', 'error'],
  /** What a member-list cursor holds: a join position, or an offset into the current list. */
  cursor: ['stable', 'offset'],
  /** Which spellings of the remove-members path exist. */
  deletePath: ['both', 'singular', 'plural'],
} as const;

export type ApiVariantName = keyof typeof API_VARIANT_VALUES;

export type ApiVariants = { [Name in ApiVariantName]: (typeof API_VARIANT_VALUES)[Name][number] };

export const DEFAULT_API_VARIANTS: Readonly<ApiVariants> = {
  addOutsider: 'forbidden-op',
  addMember: 'noop',
  cursor: 'stable',
  deletePath: 'both',
};

export const API_VARIANT_NAMES = Object.keys(API_VARIANT_VALUES) as ApiVariantName[];

/** How each switch is spelled on the command line and in the environment. */
export const API_VARIANT_SETTINGS: Readonly<Record<ApiVariantName, { flag: string; env: string }>> = {
  addOutsider: { flag: 'add-outsider', env: 'EMULATOR_ADD_OUTSIDER' },
  addMember: { flag: 'add-member', env: 'EMULATOR_ADD_MEMBER' },
  cursor: { flag: 'cursor', env: 'EMULATOR_CURSOR' },
  deletePath: { flag: 'delete-path', env: 'EMULATOR_DELETE_PATH' },
};

/** The value of one switch, or null when `value` is not one of its choices. */
export function parseApiVariant<Name extends ApiVariantName>(
  name: Name,
  value: string,
): ApiVariants[Name] | null {
  const choices: readonly string[] = API_VARIANT_VALUES[name];
  return choices.includes(value) ? (value as ApiVariants[Name]) : null;
}

/** `a, b or c`, for messages that list a switch's choices. */
export function describeChoices(name: ApiVariantName): string {
  const choices = [...API_VARIANT_VALUES[name]];
  const last = choices.pop() ?? '';
  return choices.length === 0 ? last : `${choices.join(', ')} or ${last}`;
}

/** Validates a partial set of switches from untyped input (the control routes); the bad name, if any. */
export function parseApiVariants(input: Record<string, unknown>): Partial<ApiVariants> | ApiVariantName {
  const parsed: Partial<ApiVariants> = {};
  for (const name of API_VARIANT_NAMES) {
    const value = input[name];
    if (value === undefined) continue;
    const variant = typeof value === 'string' ? parseApiVariant(name, value) : null;
    if (variant === null) return name;
    Object.assign(parsed, { [name]: variant });
  }
  return parsed;
}

/** The switches that differ from the defaults, as flags (`--cursor offset …`); empty when none do. */
export function describeVariants(variants: ApiVariants): string {
  return API_VARIANT_NAMES.filter((name) => variants[name] !== DEFAULT_API_VARIANTS[name])
    .map((name) => `--${API_VARIANT_SETTINGS[name].flag} ${variants[name]}`)
    .join(' ');
}
