// Reads the results a dialog downloads as CSV: one outcome per username, as the moderator would get them.
import type { Locator, Page } from '@playwright/test';
import { parseCsvRecords } from '../src/lib/csv-records.ts';
import { downloaded } from './download.ts';

const downloadedCsv = async (page: Page, dialog: Locator): Promise<string> =>
  (await downloaded(page, dialog.getByRole('button', { name: 'Download CSV' }))).text.replace(/^\uFEFF/, '');

export async function downloadedResults(page: Page, dialog: Locator): Promise<Map<string, string>> {
  // Usernames never need quoting; an outcome may be quoted because it holds commas.
  const rows = (await downloadedCsv(page, dialog)).split('\r\n').slice(1, -1);
  return new Map(
    rows.map((row) => {
      const comma = row.indexOf(',');
      return [row.slice(0, comma), row.slice(comma + 1).replace(/^"|"$/g, '')];
    }),
  );
}

/** The outcome of each thread of a download whose rows are one user's threads (`Name (ID 180…)`), by thread id. */
export async function downloadedThreadResults(page: Page, dialog: Locator): Promise<Map<string, string>> {
  const [heading, ...rows] = parseCsvRecords(await downloadedCsv(page, dialog), ',');
  if (heading?.join() !== 'thread,outcome') throw new Error(`Unexpected heading: ${String(heading)}`);
  return new Map(
    rows.map(([thread = '', outcome = '']) => [/\(ID (\w+)\)$/.exec(thread)?.[1] ?? thread, outcome]),
  );
}
