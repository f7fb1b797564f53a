import { describe, expect, it } from 'vitest';
import { resultsCsv, resultsFileName, resultsTabSeparated } from './results-export.ts';

const rows = [
  ['alice', 'added'],
  ['outsider', 'refused: users [outsider, nobody-here] are not members of this group!'],
  ['=1+2', 'invalid: only letters, digits, _ - and . are allowed'],
] as const;

describe('resultsCsv', () => {
  it('writes a byte-order mark, the header and one protected, quoted record per row', async () => {
    expect(await resultsCsv(rows)).toBe(
      '\uFEFFusername,outcome\r\n' +
        'alice,added\r\n' +
        'outsider,"refused: users [outsider, nobody-here] are not members of this group!"\r\n' +
        `"'=1+2","invalid: only letters, digits, _ - and . are allowed"\r\n`,
    );
  });
});

describe('resultsTabSeparated', () => {
  it('writes username<TAB>outcome lines, with formulas protected and no stray tabs or line breaks', () => {
    expect(resultsTabSeparated([...rows, ['bob', 'failed: bad\tgateway\r\nagain']])).toBe(
      'alice\tadded\n' +
        'outsider\trefused: users [outsider, nobody-here] are not members of this group!\n' +
        "'=1+2\tinvalid: only letters, digits, _ - and . are allowed\n" +
        'bob\tfailed: bad gateway again\n',
    );
  });
});

describe('resultsFileName', () => {
  it('names the file by thread and local time to the minute', () => {
    expect(resultsFileName('add-members', '180000000100003', new Date(2026, 0, 5, 9, 7, 59))).toBe(
      'add-members-180000000100003-2026-01-05-0907.csv',
    );
  });
});
