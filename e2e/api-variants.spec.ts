// One bulk add and one export against the least forgiving answers the public sources allow: outsiders
// refused with a 404 that names them, a repeated join refused, offset cursors, and realistic latency.
import type { Page } from '@playwright/test';
import { expect, test } from './token-scan.ts';
import { DEFAULT_API_VARIANTS } from '../emulator/api-variants.ts';
import { DEMO_THREADS, DEMO_USERS, demoUsername } from '../emulator/demo-data.ts';
import { downloaded } from './download.ts';
import { clearFaults, resetDemoData, setFaults, threadMembers } from './emulator-control.ts';
import { memberGrid } from './member-grid.ts';
import { paste } from './paste.ts';

test.beforeEach(async () => {
  await resetDemoData();
  await setFaults({
    variants: { addOutsider: 'not-in-group', addMember: 'error', cursor: 'offset' },
    latency: 'realistic',
  });
});
test.afterEach(async () => {
  await clearFaults();
  await setFaults({ variants: DEFAULT_API_VARIANTS });
});

async function openThread(page: Page, threadId: string): Promise<void> {
  await page.goto(`/threads/${threadId}`);
  await expect(memberGrid(page).getByRole('row').first()).toBeVisible();
}

test('a bulk add refuses the outsider by name, knows the member, and adds the rest', async ({ page }) => {
  const [, member = ''] = await threadMembers(DEMO_THREADS.small);
  const newcomers = [demoUsername(140_001), demoUsername(140_002)];
  await openThread(page, DEMO_THREADS.small);
  await page.getByRole('button', { name: 'Add members' }).click();
  const dialog = page.getByRole('dialog', { name: /Add members to/ });
  await paste(
    dialog.getByRole('textbox', { name: 'Usernames' }),
    [DEMO_USERS.outsider, member, ...newcomers].join('\n'),
  );
  await dialog.getByRole('button', { name: /^Add \d+ members?$/ }).click();

  const shown = page.getByRole('dialog', { name: /^Add \d+ members? to Moderators lounge$/ });
  await expect(shown.getByRole('status').filter({ hasText: 'users done' })).toContainText(/^Finished/, {
    timeout: 30_000,
  });
  await expect(shown).toContainText('Added 2 · refused 1 · already members 1 · failed 0 · not sent 0');
  const results = shown.getByRole('list', { name: 'Results' });
  await expect(
    results.getByRole('listitem').filter({ hasText: new RegExp(`^${DEMO_USERS.outsider}`) }),
  ).toContainText(`refused: user not in group. [${DEMO_USERS.outsider}]`);
  const members = await threadMembers(DEMO_THREADS.small);
  expect(members.slice(-2).sort()).toEqual(newcomers);
  expect(members).not.toContain(DEMO_USERS.outsider);
});

test('an export walks every page of offset cursors once and finds the count matching', async ({ page }) => {
  const expected = await threadMembers(DEMO_THREADS.large);
  await openThread(page, DEMO_THREADS.large);
  await page.getByRole('button', { name: 'Export members' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the members of Community help desk' });
  await dialog.getByLabel('Plain text (one username per line)').check();
  await dialog.getByRole('button', { name: 'Start export' }).click();
  await expect(dialog.getByRole('status', { name: 'Export status' })).toContainText(
    'All 1,200 members fetched',
    { timeout: 60_000 },
  );
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  const file = await downloaded(page, dialog.getByRole('button', { name: 'Download text file' }));
  expect(file.text).toBe(expected.map((name) => `${name}\n`).join(''));
});
