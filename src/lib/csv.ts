// Writes rows as CSV (RFC 4180) that a spreadsheet opens as plain text, never as a formula.

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) or that hides such a start behind a tab or
 * carriage return gets a leading `'`, so an entry like `=HYPERLINK(...)` in a pasted list stays text (OWASP's
 * advice against CSV injection). Every CSV and spreadsheet-bound text the product writes goes through this.
 */
export function protectFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One cell: formula-protected, and quoted when it holds a quote, a comma or a line break. */
export function csvCell(value: string): string {
  const safe = protectFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows as CSV text with CRLF line endings, as RFC 4180 writes them, ending with a line break. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
