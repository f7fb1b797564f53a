// Security suite: every CSV (and spreadsheet-bound text) the dashboard writes neutralises formula payloads.
// The server's activity export is covered in server/security.test.ts.
import { expect, it } from 'vitest';
import { membersCsv } from '../features/members/member-list-file.ts';
import { resultsCsv, resultsTabSeparated } from '../features/operations/results-export.ts';
import { protectFormula } from '../lib/csv.ts';

const PAYLOADS = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];

/** Cells of CSV text without quoting, for checking their first characters. */
function cells(csv: string): string[] {
  const unquoted: string[] = [];
  for (const match of csv.replace(/^\uFEFF/, '').matchAll(/"((?:[^"]|"")*)"|([^,\r\n]+)/g)) {
    unquoted.push(match[1] === undefined ? (match[2] ?? '') : match[1].replaceAll('""', '"'));
  }
  return unquoted;
}

const active = (values: readonly string[]) => values.filter((value) => protectFormula(value) !== value);

it.each([
  ['members and selection export', membersCsv(PAYLOADS)],
  ['bulk results download', resultsCsv(PAYLOADS.map((payload) => [payload, payload] as const))],
])('the %s runs no formula', (_, csv) => {
  const written = cells(csv);
  expect(written.length).toBeGreaterThanOrEqual(PAYLOADS.length);
  expect(active(written)).toEqual([]);
});

it('the bulk results copied for pasting run no formula', () => {
  const text = resultsTabSeparated(PAYLOADS.map((payload) => [payload, payload] as const));
  const written = text
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => line.split('\t'));
  expect(written).toHaveLength(PAYLOADS.length * 2);
  expect(active(written)).toEqual([]);
});
