import { describe, expect, it } from 'vitest';
import { parseCsvRecords, sniffDelimiter } from './csv-records.ts';

describe('parseCsvRecords', () => {
  it('reads CRLF and LF line endings alike, without an empty record for the final line break', () => {
    expect(parseCsvRecords('a,b\r\nc,d\ne,f\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
    expect(parseCsvRecords('a\rb')).toEqual([['a'], ['b']]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(parseCsvRecords('"x, y","say ""hi""","two\r\nlines"\nnext,"",end')).toEqual([
      ['x, y', 'say "hi"', 'two\r\nlines'],
      ['next', '', 'end'],
    ]);
  });

  it('keeps empty fields and empty records in the middle', () => {
    expect(parseCsvRecords('a,,c\n\nd,')).toEqual([['a', '', 'c'], [''], ['d', '']]);
  });

  it('is lenient with quotes the way spreadsheets are: stray quotes stay, an open quote runs to the end', () => {
    expect(parseCsvRecords('ab"c,"q"r\n"open, never closed\nstill open')).toEqual([
      ['ab"c', 'qr'],
      ['open, never closed\nstill open'],
    ]);
  });

  it('reads an empty text as no records', () => {
    expect(parseCsvRecords('')).toEqual([]);
  });

  it('reads semicolon- and tab-separated exports by the delimiter of their first line', () => {
    expect(parseCsvRecords('username;note\nalice;"a; b"')).toEqual([
      ['username', 'note'],
      ['alice', 'a; b'],
    ]);
    expect(parseCsvRecords('username\tnote\nalice\tx, y')).toEqual([
      ['username', 'note'],
      ['alice', 'x, y'],
    ]);
  });
});

describe('sniffDelimiter', () => {
  it('prefers a comma, ignores delimiters inside quotes and looks only at the first line', () => {
    expect(sniffDelimiter('a,b;c')).toBe(',');
    expect(sniffDelimiter('"a,b";c')).toBe(';');
    expect(sniffDelimiter('"a\nb,c"\td')).toBe('\t');
    expect(sniffDelimiter('alice\nbob,carol')).toBe(',');
  });
});
