// Keeps a cell that a spreadsheet would run as a formula as plain text, in every CSV and spreadsheet-bound text
// the product writes, and reads a name the product wrote that way back as it was.

/**
 * A cell a spreadsheet runs as a formula, or that hides one: it starts with `=`, `+`, `-` or `@` (or their
 * full-width forms `＝＋－＠`, which spreadsheets in East Asian locales also read as formulas), possibly behind
 * white space (a space, a no-break space, a line feed…), or it starts with a tab or carriage return (OWASP's
 * list). Thread names and reasons come from chat users, so any of these can reach an export.
 */
export const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

/** The cell with a leading `'` when it could run as a formula, so that a spreadsheet shows it as text. */
export function protectFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The `'` that protectFormula put before a name such as `-bob`, so that the list reads back as it was. */
const GUARD_BEFORE_NAME = /^'(?=[=+\-@])/;

/** A pasted or read entry without the guard the product added: `'-bob` is the username `-bob`. */
export function unprotectFormula(entry: string): string {
  return entry.replace(GUARD_BEFORE_NAME, '');
}
