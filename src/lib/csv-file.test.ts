import { describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from './csv-file.ts';

const records = async (text: string) => (await readCsv(text)).records;

describe('readCsv', () => {
  it('reads CRLF, LF and CR line endings alike, without an empty record for the final line break', async () => {
    expect(await records('a,b\r\nc,d\ne,f\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
    expect(await records('a\rb')).toEqual([['a'], ['b']]);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quoted fields', async () => {
    expect(await records('"x, y","say ""hi""","two\r\nlines"\nnext,"",end')).toEqual([
      ['x, y', 'say "hi"', 'two\nlines'],
      ['next', '', 'end'],
    ]);
  });

  it('keeps a cell with a space, a comma or a semicolon as one field', async () => {
    expect(await records('username\nAnn Lee\nbad name\n"a,b"\n"c;d"\n')).toEqual([
      ['username'],
      ['Ann Lee'],
      ['bad name'],
      ['a,b'],
      ['c;d'],
    ]);
  });

  it('keeps empty fields and empty records in the middle, and reads an empty text as no records', async () => {
    expect(await records('a,,c\n\nd,')).toEqual([['a', '', 'c'], [''], ['d', '']]);
    expect(await readCsv('')).toEqual({ records: [], problem: null });
  });

  it('reads semicolon- and tab-separated exports by the delimiter of their first record', async () => {
    expect(await records('username;note\nalice;"a; b"')).toEqual([
      ['username', 'note'],
      ['alice', 'a; b'],
    ]);
    expect(await records('note;username\nhello, there;alice\n')).toEqual([
      ['note', 'username'],
      ['hello, there', 'alice'],
    ]);
    expect(await records('username\tnote\nalice\tx, y')).toEqual([
      ['username', 'note'],
      ['alice', 'x, y'],
    ]);
    expect(await records('"a,b";c\nx;y')).toEqual([
      ['a,b', 'c'],
      ['x', 'y'],
    ]);
  });

  it('names the row of an unclosed quote, which swallows the rows after it', async () => {
    const reading = await readCsv('username\nalice\n"bob\ncarol\n');
    expect(reading.records.slice(0, 2)).toEqual([['username'], ['alice']]);
    expect(reading.problem).toEqual({ row: 3, message: 'Quoted field unterminated' });
  });
});

describe('writeCsv', () => {
  it('writes CRLF-terminated records that read back to the same cells (after formula protection)', async () => {
    const rows = [
      ['username', 'outcome'],
      ['alice', 'refused: users [a, b] are not members'],
      ['=cmd', 'invalid: "quoted"\nnext'],
    ];
    const csv = await writeCsv(rows);
    expect(csv).toBe(
      'username,outcome\r\nalice,"refused: users [a, b] are not members"\r\n"\'=cmd","invalid: ""quoted""\nnext"\r\n',
    );
    expect(await records(csv)).toEqual([rows[0], rows[1], ["'=cmd", 'invalid: "quoted"\nnext']]);
  });

  it('turns every cell a spreadsheet would run as a formula into text with a leading apostrophe', async () => {
    const starts = [
      '=',
      '+',
      '-',
      '@',
      '\t=',
      '\r=',
      '\n=',
      ' =',
      '\u00A0=',
      '\uFF1D',
      '\uFF0B',
      '\uFF0D',
      '\uFF20',
    ];
    const cells = starts.map((start) => `${start}1+2`);
    expect(await records(await writeCsv([cells]))).toEqual([
      cells.map((cell) => `'${cell}`.replace('\r', '\n')),
    ]);
    expect(await writeCsv([['a=1', 'user-1', ' plain', '']])).toBe('a=1,user-1," plain",\r\n');
  });

  it('writes nothing for no rows', async () => {
    expect(await writeCsv([])).toBe('');
  });
});
