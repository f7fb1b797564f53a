// A list of usernames as a file: CSV for spreadsheets, plain text (one per line) for pasting back into a list.
import { toCsv } from '../../lib/csv.ts';
import { fileTimestamp } from '../../lib/file-timestamp.ts';

export type MemberFileFormat = 'csv' | 'text';

/** A UTF-8 byte-order mark, without which Excel reads the file in the system's legacy encoding. */
const BYTE_ORDER_MARK = '\uFEFF';

/** A `username` header and one formula-protected cell per member. */
export function membersCsv(usernames: readonly string[]): string {
  return BYTE_ORDER_MARK + toCsv([['username'], ...usernames.map((name) => [name])]);
}

/** One username per line, as the add and remove dialogs read a pasted list. */
export function membersText(usernames: readonly string[]): string {
  return usernames.map((name) => `${name}\n`).join('');
}

export function memberFileBlob(usernames: readonly string[], format: MemberFileFormat): Blob {
  return format === 'csv'
    ? new Blob([membersCsv(usernames)], { type: 'text/csv;charset=utf-8' })
    : new Blob([membersText(usernames)], { type: 'text/plain;charset=utf-8' });
}

/** `{prefix}-{threadId}-{yyyy-mm-dd-hhmm}.csv|.txt` in local time. */
export function memberFileName(prefix: string, threadId: string, at: Date, format: MemberFileFormat): string {
  return `${prefix}-${threadId}-${fileTimestamp(at)}.${format === 'csv' ? 'csv' : 'txt'}`;
}
