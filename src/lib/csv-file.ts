// Reads and writes CSV (RFC 4180) through papaparse, loaded the first time a file or an export needs it so that
// no page's first bundle carries it. Every cell written is formula-protected (see formula-guard.ts).
import { FORMULA_START } from './formula-guard.ts';

/** In order of preference: RFC 4180's comma; the semicolon or tab of some locales' "CSV" exports. */
const DELIMITERS = [',', ';', '\t'] as const;

const loadPapa = async () => (await import('papaparse')).default;
type Papa = Awaited<ReturnType<typeof loadPapa>>;

/** Rows as CSV text with CRLF line endings, ending with a line break, every formula-like cell made text. */
export async function writeCsv(rows: readonly (readonly string[])[]): Promise<string> {
  if (rows.length === 0) return '';
  const papa = await loadPapa();
  const text = papa.unparse(
    rows.map((row) => [...row]),
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  return `${text}\r\n`;
}

export interface CsvReading {
  /** Every record, each a list of its fields. */
  records: string[][];
  /** The first place the text is not well-formed CSV (an unclosed quote, say), 1-based, or null. */
  problem: { row: number; message: string } | null;
}

/**
 * The delimiter of the first record: a comma when it has one, else a semicolon or a tab. Guessing from the
 * whole file would let a note column full of commas outvote the header `note;username`.
 */
function headerDelimiter(papa: Papa, text: string): string {
  for (const delimiter of DELIMITERS) {
    const first = papa.parse<string[]>(text, { delimiter, preview: 1, newline: '\n' }).data[0] ?? [];
    if (first.length > 1) return delimiter;
  }
  return ',';
}

/**
 * The records of `text` as spreadsheets write them: quoted fields holding delimiters, quotes and line breaks,
 * any line ending, without an empty record for a final line break.
 */
export async function readCsv(text: string): Promise<CsvReading> {
  const papa = await loadPapa();
  // One line ending throughout: papaparse takes the first one it sees for the whole file.
  const lines = text.replace(/\r\n?/g, '\n');
  const { data, errors } = papa.parse<string[]>(lines, {
    delimiter: headerDelimiter(papa, lines),
    newline: '\n',
  });
  const last = data.at(-1);
  if (last !== undefined && last.length === 1 && last[0] === '') data.pop();
  const first = errors[0];
  return {
    records: data,
    problem: first === undefined ? null : { row: (first.row ?? 0) + 1, message: first.message },
  };
}
