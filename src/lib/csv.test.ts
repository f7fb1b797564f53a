import { describe, expect, it } from 'vitest';
import { csvCell, protectFormula, toCsv } from './csv.ts';
import { parseCsvRecords } from './csv-records.ts';

describe('csvCell', () => {
  it('quotes a cell with a comma, a quote or a line break, doubling its quotes, and leaves others bare', () => {
    expect(csvCell('alice')).toBe('alice');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('a\rb')).toBe('"a\rb"');
    expect(csvCell('')).toBe('');
  });

  it('turns a cell a spreadsheet would run as a formula into text with a leading apostrophe', () => {
    for (const start of ['=', '+', '-', '@']) {
      expect(csvCell(`${start}1+2`)).toBe(`'${start}1+2`);
    }
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('\t=1')).toBe(`'\t=1`);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('a=1')).toBe('a=1');
  });
});

describe('protectFormula', () => {
  it('changes only cells that start with a formula character', () => {
    expect(protectFormula('-user')).toBe("'-user");
    expect(protectFormula('user-1')).toBe('user-1');
  });
});

describe('toCsv', () => {
  it('writes CRLF-terminated records that read back to the same cells (after formula protection)', () => {
    const rows = [
      ['username', 'outcome'],
      ['alice', 'refused: users [a, b] are not members'],
      ['=cmd', 'invalid: "quoted"\nnext'],
    ];
    const csv = toCsv(rows);
    expect(csv).toBe(
      'username,outcome\r\nalice,"refused: users [a, b] are not members"\r\n\'=cmd,"invalid: ""quoted""\nnext"\r\n',
    );
    expect(parseCsvRecords(csv)).toEqual([rows[0], rows[1], ["'=cmd", 'invalid: "quoted"\nnext']]);
  });

  it('writes nothing for no rows', () => {
    expect(toCsv([])).toBe('');
  });
});
