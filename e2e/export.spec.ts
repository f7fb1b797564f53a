// Exports run on the server: the dialog starts one, its operation window shows the walk and downloads the file
// when done; after a reload the file is had from Operations; Cancel leaves no file, and Resume goes on.
import { readFile } from 'node:fs/promises';
import { expect, test } from './token-scan.ts';
import type { Locator, Page } from '@playwright/test';
import { DEMO_THREADS } from '../emulator/demo-data.ts';
import { readCsv } from '../src/lib/csv-file.ts';
import { protectFormula } from '../src/lib/formula-guard.ts';
import { accessibilityViolations } from './axe.ts';
import { downloaded } from './download.ts';
import { clearFaults, resetDemoData, setFaults, threadMembers } from './emulator-control.ts';
import { memberGrid } from './member-grid.ts';

test.beforeEach(resetDemoData);
test.afterEach(clearFaults);

const EXPORT = 'Export the members of Community help desk';

async function openExport(page: Page): Promise<Locator> {
  await page.goto(`/threads/${DEMO_THREADS.large}`);
  await expect(memberGrid(page).getByRole('row').first()).toBeVisible();
  await page.getByRole('button', { name: 'Export members' }).click();
  return page.getByRole('dialog', { name: EXPORT });
}

/** Every member a page takes some time to read: long enough to reload or cancel in between. */
const slowly = () => setFaults({ latency: { minMs: 150, maxMs: 150 } });

test('an export started as CSV is walked on the server and its file downloads when done', async ({
  page,
}) => {
  const expected = await threadMembers(DEMO_THREADS.large);
  const dialog = await openExport(page);
  await expect(dialog).toContainText(
    "The server reads 1,200 members in about 25 pages of 50, within the Chat API's budget the server shares with every operation",
  );
  await expect(dialog.getByRole('radiogroup', { name: 'File format' }).getByLabel('CSV')).toBeChecked();

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Start export' }).click();
  const shown = page.getByRole('dialog', { name: EXPORT });
  const status = shown.getByRole('status', { name: 'Export status' });
  await expect(status).toHaveText('All 1,200 members are in the file, as many as the thread counts.');

  const download = await downloading;
  const name = download.suggestedFilename();
  expect(name).toMatch(new RegExp(`^members-${DEMO_THREADS.large}-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.csv$`));
  const text = await readFile(await download.path(), 'utf8');
  expect(text.startsWith('\uFEFFusername\r\n')).toBe(true);
  const { records } = await readCsv(text.slice(1));
  expect(records).toEqual([['username'], ...expected.map((member) => [protectFormula(member)])]);
  await expect(shown.getByRole('status', { name: 'Download' })).toHaveText(
    `Downloaded 1,200 members as ${name}`,
  );

  // The pointer leaves the button it clicked: the window is checked at rest, not a hovered button's tint.
  await page.mouse.move(0, 0);
  expect(await accessibilityViolations(page)).toEqual([]);

  // The other format, from the same finished export.
  const plain = await downloaded(page, shown.getByRole('button', { name: 'Download text file' }));
  expect(plain.name).toMatch(/\.txt$/);
  expect(plain.text).toBe(expected.map((member) => `${member}\n`).join(''));
});

test('an export goes on through a reload, and its file is had from Operations', async ({ page }) => {
  const expected = await threadMembers(DEMO_THREADS.large);
  await slowly();
  const dialog = await openExport(page);
  await dialog.getByLabel('Plain text (one username per line)').check();
  await dialog.getByRole('button', { name: 'Start export' }).click();
  const shown = page.getByRole('dialog', { name: EXPORT });
  await expect(shown.getByRole('status', { name: 'Export status' })).toContainText(
    /Read [1-9][\d,]* members .* · about \d+ seconds? left$/,
  );

  await page.reload();
  await page.getByRole('dialog', { name: EXPORT }).getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: /^Operations/ }).click();
  const entry = page
    .getByRole('dialog', { name: 'Operations' })
    .getByRole('listitem')
    .filter({ hasText: EXPORT })
    .first();
  const download = entry.getByRole('button', { name: `Download the file of ${EXPORT}` });
  await expect(download).toBeVisible({ timeout: 30_000 });
  await expect(entry).toContainText('1,200 members in the file');
  const file = await downloaded(page, download);
  expect(file.name).toMatch(new RegExp(`^members-${DEMO_THREADS.large}-.*\\.txt$`));
  expect(file.text).toBe(expected.map((member) => `${member}\n`).join(''));
});

test('a cancelled export says so, offers no file, and resumes to the whole file', async ({ page }) => {
  const expected = await threadMembers(DEMO_THREADS.large);
  await slowly();
  const dialog = await openExport(page);
  await dialog.getByLabel('Plain text (one username per line)').check();
  await dialog.getByRole('button', { name: 'Start export' }).click();
  const shown = page.getByRole('dialog', { name: EXPORT });
  const status = shown.getByRole('status', { name: 'Export status' });
  await expect(status).toContainText(/Read [1-9][\d,]* members/);
  await shown.getByRole('button', { name: 'Cancel export' }).click();

  await expect(status).toHaveText(
    /^Export cancelled after reading [\d,]+ members?: it has no file\. Resume it to go on from there\.$/,
  );
  await expect(shown.getByRole('button', { name: /^Download/ })).toHaveCount(0);

  await clearFaults();
  const downloading = page.waitForEvent('download');
  await shown.getByRole('button', { name: 'Resume export' }).click();
  await expect(status).toHaveText('All 1,200 members are in the file, as many as the thread counts.');
  const download = await downloading;
  expect(await readFile(await download.path(), 'utf8')).toBe(
    expected.map((member) => `${member}\n`).join(''),
  );
});

test('the selected usernames are copied to the clipboard and exported as CSV', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const members = await threadMembers(DEMO_THREADS.large);
  const chosen = members.slice(3, 5);
  await page.goto(`/threads/${DEMO_THREADS.large}`);
  for (const name of chosen) {
    await memberGrid(page)
      .getByRole('checkbox', { name: `Select ${name}` })
      .click();
  }

  await page.getByRole('button', { name: 'Copy selected (2)' }).click();
  const notice = page.getByRole('status', { name: 'Copy and export' });
  await expect(notice).toHaveText('Copied 2 usernames');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    chosen.map((name) => `${name}\n`).join(''),
  );

  const file = await downloaded(page, page.getByRole('button', { name: 'Export selected (2)' }));
  expect(file.name).toMatch(new RegExp(`^selected-members-${DEMO_THREADS.large}-.*\\.csv$`));
  expect(file.text.startsWith('\uFEFFusername\r\n')).toBe(true);
  expect((await readCsv(file.text.slice(1))).records).toEqual([
    ['username'],
    ...chosen.map((name) => [protectFormula(name)]),
  ]);
  await expect(notice).toHaveText(`Downloaded 2 usernames as ${file.name}`);
});
