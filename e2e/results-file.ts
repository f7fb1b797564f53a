// Reads the results a dialog downloads as CSV: one outcome per username, as the moderator would get them.
import type { Locator, Page } from '@playwright/test';
import { readCsv } from '../src/lib/csv-file.ts';
import { downloaded } from './download.ts';

const downloadedCsv = async (page: Page, dialog: Locator): Promise<string> =>
  (await downloaded(page, dialog.getByRole('button', { name: 'Download CSV' }))).text.replace(/^\uFEFF/, '');

export async function downloadedResults(page: Page, dialog: Locator): Promise<Map<string, string>> {
  const [heading, ...rows] = (await readCsv(await downloadedCsv(page, dialog))).records;
  if (heading?.join() !== 'username,outcome') throw new Error(`Unexpected heading: ${String(heading)}`);
  return new Map(rows.map(([username = '', outcome = '']) => [username, outcome]));
}

/** The outcome of each thread of a download whose rows are one user's threads (`Name (ID 180…)`), by thread id. */
export async function downloadedThreadResults(page: Page, dialog: Locator): Promise<Map<string, string>> {
  const [heading, ...rows] = (await readCsv(await downloadedCsv(page, dialog))).records;
  if (heading?.join() !== 'thread,outcome') throw new Error(`Unexpected heading: ${String(heading)}`);
  return new Map(
    rows.map(([thread = '', outcome = '']) => [/\(ID (\w+)\)$/.exec(thread)?.[1] ?? thread, outcome]),
  );
}
