// Reads the results a dialog downloads as CSV: one outcome per username, as the moderator would get them.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';

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
