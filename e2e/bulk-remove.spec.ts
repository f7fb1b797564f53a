import { expect, test } from './token-scan.ts';
import type { Page } from '@playwright/test';
import { DEMO_THREADS } from '../emulator/demo-data.ts';
import { clearFaults, resetDemoData, setFaults, threadMembers } from './emulator-control.ts';
import { memberGrid } from './member-grid.ts';
import { paste } from './paste.ts';
import { downloadedResults } from './results-file.ts';

test.beforeEach(resetDemoData);
test.afterEach(clearFaults);

const loadedStatus = (page: Page) => page.getByRole('status').filter({ hasText: 'members loaded' });

test('removing 12 selected members, then undoing it', async ({ page }) => {
  const before = await threadMembers(DEMO_THREADS.small);
  const chosen = before.slice(2, 14);
  await page.goto(`/threads/${DEMO_THREADS.small}`);
  await expect(loadedStatus(page)).toHaveText('40 members loaded · end of list');

  // One click, then shift-click for the range, as a moderator would.
  await memberGrid(page)
    .getByRole('checkbox', { name: `Select ${chosen[0] ?? ''}` })
    .click();
  await memberGrid(page)
    .getByRole('checkbox', { name: `Select ${chosen.at(-1) ?? ''}` })
    .click({ modifiers: ['Shift'] });
  await expect(loadedStatus(page)).toContainText('12 selected');
  await page.getByRole('button', { name: 'Remove selected (12)' }).click();

  const dialog = page.getByRole('dialog', { name: /Remove members from/ });
  await expect(dialog).toContainText(
    `12 members will be removed from Moderators lounge: ${chosen.slice(0, 10).join(', ')}`,
  );
  await dialog.getByRole('button', { name: 'Remove 12 members' }).click();
  // The server runs it; its window opens in place of the dialog.
  const shown = page.getByRole('dialog', { name: 'Remove 12 members from Moderators lounge' });
  await expect(shown).toContainText('Removed 12 · not members 0 · failed 0 · not sent 0');
  expect(await threadMembers(DEMO_THREADS.small)).toEqual(before.filter((name) => !chosen.includes(name)));
  // Behind the open dialog (hidden from assistive technology while it is open) the list already changed.
  await expect(
    page.getByRole('status', { includeHidden: true }).filter({ hasText: 'members loaded' }),
  ).toHaveText('28 members loaded · end of list');
  for (const name of chosen) {
    await expect(page.getByRole('row', { name, includeHidden: true })).toHaveCount(0);
  }

  await shown.getByRole('button', { name: 'Undo: add back 12 members' }).click();
  const undo = page.getByRole('dialog', { name: 'Undo: adding 12 members back to Moderators lounge' });
  await expect(undo).toContainText('Added 12 · refused 0 · failed 0 · not sent 0');
  expect((await threadMembers(DEMO_THREADS.small)).sort()).toEqual([...before].sort());
  await undo.getByRole('button', { name: 'Close' }).click();
  await expect(loadedStatus(page)).toHaveText('40 members loaded · end of list');
});

test('removing by list asks for the count from 100 members on; with faults the server agrees with the results', async ({
  page,
}) => {
  const before = await threadMembers(DEMO_THREADS.large);
  const chosen = before.slice(100, 250);
  await page.goto(`/threads/${DEMO_THREADS.large}`);
  await page.getByRole('button', { name: 'Remove by list' }).click();
  const dialog = page.getByRole('dialog', { name: /Remove members from/ });
  await paste(dialog.getByRole('textbox', { name: 'Usernames' }), [...chosen, 'lurker'].join('\n'));
  const remove = dialog.getByRole('button', { name: 'Remove 151 members' });
  await expect(remove).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Type 151 to confirm' }).fill('151');

  await setFaults({ faultRate: 0.2 });
  await remove.click();
  const shown = page.getByRole('dialog', { name: /^Remove 151 members from/ });
  await expect(shown.getByRole('status').filter({ hasText: 'users done' })).toContainText(
    /^(Finished|Stopped|Cancelled)/,
    { timeout: 30_000 },
  );
  await clearFaults();
  const retry = shown.getByRole('button', { name: /^(Retry failed|Send the rest)/ });
  if (await retry.isVisible()) await retry.click();
  await expect(shown).toContainText('failed 0 · not sent 0', { timeout: 30_000 });
  expect(await threadMembers(DEMO_THREADS.large)).toEqual(before.filter((name) => !chosen.includes(name)));
  // Each result agrees with the server: every user is out of the thread now. (Whether lurker counts as
  // removed or as never a member depends on whether an attempt with lurker lost its answer.)
  await expect(shown).toContainText(/Removed 15\d · not members [01] · failed 0/);
  // User by user, the results table agrees with the server.
  const results = await downloadedResults(page, shown);
  expect(results.size).toBe(151);
  for (const name of chosen) expect(results.get(name), name).toMatch(/^removed/);
  expect(results.get('lurker')).toMatch(/^(not a member|removed)/);
});

test('members are selected by keyboard: Space toggles, Shift+Space selects a range', async ({ page }) => {
  await page.goto(`/threads/${DEMO_THREADS.small}`);
  const grid = memberGrid(page);
  await expect(grid.getByRole('row').first()).toBeVisible();
  await grid.focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+Space');
  await expect(loadedStatus(page)).toContainText('4 selected');
  await expect(grid.getByRole('row', { selected: true })).toHaveCount(4);
  await expect(page.getByRole('button', { name: 'Remove selected (4)' })).toBeEnabled();
  await page.getByRole('checkbox', { name: 'Select all loaded members' }).check();
  await expect(loadedStatus(page)).toContainText('40 selected');
});
