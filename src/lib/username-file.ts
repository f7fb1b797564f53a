// Turns a chosen .csv or .txt file into text for the Usernames box, or a refusal that says what to do instead.
import { readCsv } from './csv-file.ts';
import { entryText, parseUsernames } from './username-list.ts';

/** Far above any real list (a million bytes is about 60,000 names) and small enough to parse at once. */
export const USERNAME_FILE_MAX_BYTES = 1024 * 1024;

export type UsernameFileReading =
  | {
      ok: true;
      /** The names, one a line, to append to the Usernames box. */
      names: string;
      /** How many entries the Usernames box will find in `names`. */
      count: number;
      /** Where the names came from: a CSV's `username` column, a CSV's first column, or a text file. */
      source: 'username-column' | 'first-column' | 'text';
      /** Where a CSV is not well-formed (an unclosed quote swallows the rows after it), to check the file. */
      problem: string | null;
    }
  | { ok: false; message: string };

/** The part of a `File` this module reads, so that tests and other callers can pass any blob with a name. */
export interface NamedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

type FileKind = 'csv' | 'txt';

function fileKind(name: string): FileKind | null {
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  return extension === 'csv' || extension === 'txt' ? extension : null;
}

function refuse(message: string): UsernameFileReading {
  return { ok: false, message };
}

export async function readUsernameFile(file: NamedFile): Promise<UsernameFileReading> {
  const kind = fileKind(file.name);
  if (!kind) {
    return refuse(
      `"${file.name}" is not a .csv or .txt file. Save the list as CSV or plain text and choose that file.`,
    );
  }
  // Checked before reading, so that choosing a large file by mistake does not load it into memory.
  if (file.size > USERNAME_FILE_MAX_BYTES) return refuseTooLarge(file.name, file.size);
  return usernamesFromBytes(file.name, kind, new Uint8Array(await file.arrayBuffer()));
}

function refuseTooLarge(name: string, size: number): UsernameFileReading {
  const megabytes = (size / USERNAME_FILE_MAX_BYTES).toFixed(1);
  return refuse(
    `"${name}" is ${megabytes} MB, over the 1 MB limit for a file of usernames. Split it into smaller files and add them one at a time.`,
  );
}

async function usernamesFromBytes(
  name: string,
  kind: FileKind,
  bytes: Uint8Array,
): Promise<UsernameFileReading> {
  if (bytes.length > USERNAME_FILE_MAX_BYTES) return refuseTooLarge(name, bytes.length);
  // Excel's "Unicode text" is UTF-16 with a byte-order mark; say how to fix it rather than calling it binary.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return refuse(
      `"${name}" is saved as UTF-16 text. Save it as UTF-8 (in Excel: "CSV UTF-8") and choose it again.`,
    );
  }
  if (bytes.includes(0)) {
    return refuse(
      `"${name}" is not a text file (it contains binary data). Choose a .csv or .txt file saved as text, for example a spreadsheet exported as "CSV UTF-8".`,
    );
  }
  let text: string;
  try {
    // `fatal` refuses invalid UTF-8 instead of silently turning it into replacement characters; the decoder
    // drops a UTF-8 byte-order mark itself.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse(
      `"${name}" is not UTF-8 text. Save it with UTF-8 encoding (in Excel: "CSV UTF-8") and choose it again.`,
    );
  }
  if (kind === 'csv') return { ok: true, ...(await namesFromCsv(text)) };
  const entries = parseUsernames(text);
  const count = entries.valid.length + entries.invalid.length + entries.duplicates.length;
  return { ok: true, names: text, count, source: 'text', problem: null };
}

type CsvNames = Omit<Extract<UsernameFileReading, { ok: true }>, 'ok'>;

/** One cell, one entry: a cell holding `Ann Lee` or `a,b` reaches the box quoted, to be judged as it is. */
async function namesFromCsv(text: string): Promise<CsvNames> {
  const { records, problem } = await readCsv(text);
  const header = records[0] ?? [];
  const column = header.findIndex((cell) => cell.trim().toLowerCase() === 'username');
  // Without a `username` header there is no telling a header from a name, so every row counts; the user sees
  // the first row in the box and can delete it.
  const rows = column === -1 ? records : records.slice(1);
  const cells = rows
    .map((record) => (record[Math.max(column, 0)] ?? '').trim())
    .filter((cell) => cell !== '');
  return {
    names: cells.map(entryText).join('\n'),
    count: cells.length,
    source: column === -1 ? 'first-column' : 'username-column',
    problem: problem && `row ${problem.row}: ${problem.message.toLowerCase()}`,
  };
}

/** The Usernames box after a file's names are added: what the user typed stays, the names go on new lines. */
export function appendUsernames(existing: string, names: string): string {
  if (names === '') return existing;
  if (existing === '' || existing.endsWith('\n')) return existing + names;
  return `${existing}\n${names}`;
}
