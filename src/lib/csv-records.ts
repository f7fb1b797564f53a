// Reads CSV text into records, as spreadsheets write it: RFC 4180 quoting, any line ending, and the
// semicolon or tab delimiter that some locales' "CSV" exports use.

export type CsvDelimiter = ',' | ';' | '\t';

/**
 * The delimiter of the header line: a comma when it has one, else a semicolon or a tab. A spreadsheet in a
 * locale with decimal commas writes `username;note`, and reading that with commas would merge the columns.
 */
export function sniffDelimiter(text: string): CsvDelimiter {
  let inQuotes = false;
  const seen = new Set<string>();
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) break;
    else if (!inQuotes) seen.add(char);
  }
  if (seen.has(',')) return ',';
  if (seen.has(';')) return ';';
  if (seen.has('\t')) return '\t';
  return ',';
}

/**
 * Every record of `text`, each a list of its fields. Lenient where files in the wild are: a quote inside an
 * unquoted field is kept as a character, an unterminated quoted field runs to the end, and a final line break
 * does not make an empty record.
 */
export function parseCsvRecords(text: string, delimiter: CsvDelimiter = sniffDelimiter(text)): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  // Whether the current field began with a quote, so that `"a"b` keeps the b and `a"b` keeps its quote.
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const char = text[i] ?? '';
    if (inQuotes) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        field += char;
      }
      i++;
      continue;
    }
    if (char === '"' && field === '' && !quoted) {
      inQuotes = true;
      quoted = true;
    } else if (char === delimiter) {
      endField();
    } else if (char === '\r' || char === '\n') {
      endRecord();
      if (char === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += char;
    }
    i++;
  }
  if (field !== '' || quoted || record.length > 0) endRecord();
  return records;
}
