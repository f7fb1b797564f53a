// The results of a bulk operation as a spreadsheet takes them: CSV for a file, tab-separated for the clipboard.
import { writeCsv } from '../../lib/csv-file.ts';
import { protectFormula } from '../../lib/formula-guard.ts';
import { fileTimestamp } from '../../lib/file-timestamp.ts';

export type ResultRow = readonly [username: string, outcome: string];

/** A UTF-8 byte-order mark, without which Excel reads the file in the system's legacy encoding. */
const BYTE_ORDER_MARK = '\uFEFF';

/** `firstColumn` names what the rows are about: users, or the threads of one user. */
export async function resultsCsv(
  rows: readonly ResultRow[],
  firstColumn: 'username' | 'thread' = 'username',
): Promise<string> {
  return BYTE_ORDER_MARK + (await writeCsv([[firstColumn, 'outcome'], ...rows]));
}

/**
 * One `username<TAB>outcome` line per row, which pastes into a spreadsheet as two columns. A tab or line break
 * inside a cell (a server's reason could hold one) would break the columns, so it becomes a space; pasted
 * text is read like typed text, so formulas are protected here too.
 */
export function resultsTabSeparated(rows: readonly ResultRow[]): string {
  const cell = (value: string) => protectFormula(value.replace(/[\t\r\n]+/g, ' '));
  return rows.map(([username, outcome]) => `${cell(username)}\t${cell(outcome)}\n`).join('');
}

/** `{prefix}-{threadId}-{yyyy-mm-dd-hhmm}.csv` in the user's local time. */
export function resultsFileName(prefix: string, threadId: string, at: Date): string {
  return `${prefix}-${threadId}-${fileTimestamp(at)}.csv`;
}
