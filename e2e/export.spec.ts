import { expect, test } from './token-scan.ts';
import type { Locator, Page } from '@playwright/test';
import { DEMO_THREADS } from '../emulator/demo-data.ts';
import { readCsv } from '../src/lib/csv-file.ts';
import { protectFormula } from '../src/lib/formula-guard.ts';
import { downloaded } from './download.ts';
import { clearFaults, threadMembers } from './emulator-control.ts';
import { memberGrid } from './member-grid.ts';

test.afterEach(clearFaults);

async function openExport(page: Page): Promise<Locator> {
  await page.goto(`/threads/${DEMO_THREADS.large}`);
  await expect(memberGrid(page).getByRole('row').first()).toBeVisible();
  await page.getByRole('button', { name: 'Export members' }).click();
  return page.getByRole('dialog', { name: 'Export the members of Community help desk' });
}

test('exporting the 1,200-member thread as CSV says what it costs and saves every member in join order', async ({
  page,
}) => {
  const expected = await threadMembers(DEMO_THREADS.large);
  const dialog = await openExport(page);
  await expect(dialog).toContainText(
    'This walks 25 pages: about 25 calls, at least 1 second at the current budget of 100 calls per second, more when the Chat API answers slowly (each page waits for the one before).',
  );
  await expect(dialog.getByRole('radiogroup', { name: 'File format' }).getByLabel('CSV')).toBeChecked();

  await dialog.getByRole('button', { name: 'Start export' }).click();
  const status = dialog.getByRole('status', { name: 'Export status' });
  await expect(status).toContainText('All 1,200 members fetched in 25 calls');

  const file = await downloaded(page, dialog.getByRole('button', { name: 'Download CSV' }));
  expect(file.name).toMatch(new RegExp(`^members-${DEMO_THREADS.large}-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.csv$`));
  expect(file.text.startsWith('\uFEFFusername\r\n')).toBe(true);
  const { records } = await readCsv(file.text.slice(1));
  expect(records).toEqual([['username'], ...expected.map((name) => [protectFormula(name)])]);
  await expect(status).toContainText(`Downloaded 1,200 members as ${file.name}`);
});

test('exporting as plain text writes one username per line', async ({ page }) => {
  const expected = await threadMembers(DEMO_THREADS.large);
  const dialog = await openExport(page);
  await dialog.getByLabel('Plain text (one username per line)').check();
  await dialog.getByRole('button', { name: 'Start export' }).click();
  await expect(dialog.getByRole('status', { name: 'Export status' })).toContainText(
    'All 1,200 members fetched',
  );

  const file = await downloaded(page, dialog.getByRole('button', { name: 'Download text file' }));
  expect(file.name).toMatch(/\.txt$/);
  expect(file.text).toBe(expected.map((name) => `${name}\n`).join(''));
});

test('a cancelled export says how far it got and offers no file', async ({ page }) => {
  const dialog = await openExport(page);
  await page.evaluate(() => localStorage.setItem('thread-members-admin.calls-per-second', '2'));
  // The budget is read when the page loads: reload so that the walk is slow enough to cancel.
  await page.reload();
  await page.getByRole('button', { name: 'Export members' }).click();
  await expect(dialog).toContainText('at least 13 seconds at the current budget of 2 calls per second');
  await dialog.getByRole('button', { name: 'Start export' }).click();
  await expect(dialog.getByRole('status', { name: 'Export status' })).toContainText(/Fetched \d+ members/);
  await dialog.getByRole('button', { name: 'Cancel export' }).click();

  await expect(dialog.getByRole('status', { name: 'Export status' })).toContainText('Export cancelled after');
  await expect(dialog.getByRole('button', { name: /Download/ })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Start again' })).toBeVisible();
  await page.evaluate(() => localStorage.removeItem('thread-members-admin.calls-per-second'));
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
