// Security suite: every CSV (and spreadsheet-bound text) the dashboard writes neutralises the published
// CSV-injection payloads, and reads back to what was meant. The server's activity export is covered in
// server/activity-csv.test.ts.
import { describe, expect, it } from 'vitest';
import { membersCsv } from '../lib/member-list-file.ts';
import { resultsCsv, resultsTabSeparated } from '../features/operations/results-export.ts';
import { readCsv } from '../lib/csv-file.ts';
import { parseUsernames } from '../lib/username-list.ts';
import { FORMULA_PAYLOADS, INERT_LOOKALIKES, runsAsFormula } from './csv-injection-payloads.ts';

const CELLS = [...FORMULA_PAYLOADS, ...INERT_LOOKALIKES];
/** What a cell reads back as: the payload made text with a `'`, a look-alike as it was (line breaks as LF). */
const expected = (cell: string) => (runsAsFormula(cell) ? `'${cell}` : cell).replace(/\r\n?/g, '\n');

async function readBack(csv: string): Promise<string[][]> {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const { records, problem } = await readCsv(csv.slice(1));
  expect(problem).toBeNull();
  return records;
}

describe('the published CSV-injection payloads', () => {
  it('are all caught by the independent check the tests use', () => {
    expect(FORMULA_PAYLOADS.filter((payload) => !runsAsFormula(payload))).toEqual([]);
    expect(INERT_LOOKALIKES.filter(runsAsFormula)).toEqual([]);
  });

  it('run nowhere in the members and selection export, which reads back cell for cell', async () => {
    const [header, ...rows] = await readBack(await membersCsv(CELLS));
    expect(header).toEqual(['username']);
    expect(rows).toEqual(CELLS.map((cell) => [expected(cell)]));
    expect(rows.flat().filter(runsAsFormula)).toEqual([]);
  });

  it('run nowhere in the bulk results download, which reads back cell for cell', async () => {
    const [header, ...rows] = await readBack(await resultsCsv(CELLS.map((cell) => [cell, cell] as const)));
    expect(header).toEqual(['username', 'outcome']);
    expect(rows).toEqual(CELLS.map((cell) => [expected(cell), expected(cell)]));
    expect(rows.flat().filter(runsAsFormula)).toEqual([]);
  });

  it('run nowhere in the bulk results copied for pasting', () => {
    const text = resultsTabSeparated(CELLS.map((cell) => [cell, cell] as const));
    const written = text
      .split('\n')
      .filter(Boolean)
      .flatMap((line) => line.split('\t'));
    expect(written).toHaveLength(CELLS.length * 2);
    expect(written.filter(runsAsFormula)).toEqual([]);
  });
});

it('an exported name that starts with a formula sign reads back as the name on import', async () => {
  const csv = await membersCsv(['alice', '-bob', '@carol', '+dave']);
  expect(csv).toContain(`"'-bob"`);
  // Pasted as the file's text, or read as a file: both give the names back.
  expect(parseUsernames(csv.slice(1)).valid).toEqual(['username', 'alice', '-bob']);
  const { records } = await readCsv(csv.slice(1));
  expect(parseUsernames(records.flat().join('\n')).valid).toEqual(['username', 'alice', '-bob']);
});
