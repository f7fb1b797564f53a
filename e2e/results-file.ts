// Reads the results a dialog downloads as CSV: one outcome per username, as the moderator would get them.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { parseCsvRecords } from '../src/lib/csv-records.ts';

export async function downloadedResults(page: Page, dialog: Locator): Promise<Map<string, string>> {
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download CSV' }).click();
  const content = await readFile(await (await downloading).path(), 'utf8');
  // Usernames never need quoting; an outcome may be quoted because it holds commas.
  const rows = content
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .slice(1, -1);
  return new Map(
    rows.map((row) => {
      const comma = row.indexOf(',');
      return [row.slice(0, comma), row.slice(comma + 1).replace(/^"|"$/g, '')];
    }),
  );
}

/** The outcome of each thread of a download whose rows are one user's threads (`Name (ID 180…)`), by thread id. */
export async function downloadedThreadResults(page: Page, dialog: Locator): Promise<Map<string, string>> {
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download CSV' }).click();
  const content = await readFile(await (await downloading).path(), 'utf8');
  const [heading, ...rows] = parseCsvRecords(content.replace(/^\uFEFF/, ''), ',');
  if (heading?.join() !== 'thread,outcome') throw new Error(`Unexpected heading: ${String(heading)}`);
  return new Map(
    rows.map(([thread = '', outcome = '']) => [/\(ID (\w+)\)$/.exec(thread)?.[1] ?? thread, outcome]),
  );
}
