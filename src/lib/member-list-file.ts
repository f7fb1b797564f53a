// A list of usernames as a file: CSV for spreadsheets, plain text (one per line) for pasting back into a list.
// The server writes an export's file with it, the dashboard the selected members.
import { writeCsv } from './csv-file.ts';
import { fileTimestamp } from './file-timestamp.ts';

/** Also the file's extension. */
export type MemberFileFormat = 'csv' | 'txt';

export const MEMBER_FILE_TYPE: Record<MemberFileFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  txt: 'text/plain;charset=utf-8',
};

/** A UTF-8 byte-order mark, without which Excel reads the file in the system's legacy encoding. */
const BYTE_ORDER_MARK = '\uFEFF';

/** A `username` header and one formula-protected cell per member. */
export async function membersCsv(usernames: readonly string[]): Promise<string> {
  return BYTE_ORDER_MARK + (await writeCsv([['username'], ...usernames.map((name) => [name])]));
}

/** One username per line, as the add and remove dialogs read a pasted list. */
export function membersText(usernames: readonly string[]): string {
  return usernames.map((name) => `${name}\n`).join('');
}

export async function memberFileText(
  usernames: readonly string[],
  format: MemberFileFormat,
): Promise<string> {
  return format === 'csv' ? membersCsv(usernames) : membersText(usernames);
}

/** `{prefix}-{threadId}-{yyyy-mm-dd-hhmm}.csv|.txt` in local time. */
export function memberFileName(prefix: string, threadId: string, at: Date, format: MemberFileFormat): string {
  return `${prefix}-${threadId}-${fileTimestamp(at)}.${format}`;
}
