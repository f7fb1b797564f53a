import { expect, test } from './token-scan.ts';
import { DEMO_THREAD_NAMES, DEMO_THREADS, demoUsername } from '../emulator/demo-data.ts';
import { downloaded } from './download.ts';
import { resetDemoData } from './emulator-control.ts';

test.beforeEach(resetDemoData);

// In the group, in no thread: they can be added. 25 of them take three calls of at most 10.
const newcomers = Array.from({ length: 25 }, (_, i) => demoUsername(142_001 + i));
const thread = DEMO_THREADS.empty;

test('a bulk add shows on the activity page as one entry with every user, and exports as CSV', async ({
  page,
}) => {
  await page.goto(`/threads/${thread}`);
  await page.getByRole('button', { name: 'Add members' }).click();
  const dialog = page.getByRole('dialog', { name: /Add members to/ });
  await dialog.getByRole('textbox', { name: 'Usernames' }).fill(newcomers.join('\n'));
  await dialog.getByRole('button', { name: 'Add 25 members' }).click();
  const shown = page.getByRole('dialog', { name: /^Add 25 members to/ });
  await expect(shown).toContainText('Added 25 · refused 0 · failed 0 · not sent 0');
  await shown.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  // The audit log outlives the demo data's resets, so earlier runs' entries may follow; ours is the newest.
  const newest = page.getByRole('list', { name: 'Activity' }).getByRole('listitem').first();
  await expect(newest).toHaveAccessibleName(`local (moderator) added members to thread ${thread}`);
  await expect(newest).toContainText('25 added · 3 calls');

  await expect(newest).toContainText(`Add 25 members to ${DEMO_THREAD_NAMES.empty}`);

  await newest.getByRole('button', { name: /^Show users/ }).click();
  const users = newest.getByRole('table');
  await expect(users).toHaveAttribute('aria-rowcount', '26');
  await expect(users.getByRole('row').nth(1)).toContainText(`${newcomers[0] ?? ''}added200`);
  // Only the rows in view are drawn; the box scrolls by keyboard to the last user, and the first goes.
  const row = (name = '') => users.getByRole('row', { name: new RegExp(name) });
  await expect(row(newcomers[24])).toHaveCount(0);
  await newest.getByRole('region', { name: /scrollable$/ }).focus();
  await page.keyboard.press('End');
  await expect(row(newcomers[24])).toBeVisible();
  await expect(row(newcomers[0])).toHaveCount(0);

  // Filtering by one user keeps the entry and puts the filter into the address.
  await page.getByRole('textbox', { name: 'Username' }).fill(newcomers[24] ?? '');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`username=${newcomers[24] ?? ''}`));
  await expect(newest).toHaveAccessibleName(`local (moderator) added members to thread ${thread}`);

  const { name, text } = await downloaded(page, page.getByRole('button', { name: 'Export CSV' }));
  expect(name).toMatch(/^activity-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
  const [header, first] = text.replace(/^\uFEFF/, '').split('\r\n');
  expect(header).toBe(
    'time,actor,role,thread_id,action,username,outcome,upstream_status,request_id,operation_id,refused_because',
  );
  expect(first?.split(',').slice(1, 8)).toEqual([
    'local',
    'moderator',
    thread,
    'add',
    newcomers[24],
    'added',
    '200',
  ]);

  // The entry leads back to its operation, whose Undo stays as long as the record; the undo is an entry of its
  // own that leads to what it undid.
  await page.goto('/activity');
  await newest.getByRole('button', { name: /^Open the operation/ }).click();
  const reopened = page.getByRole('dialog', { name: /^Add 25 members to/ });
  await expect(reopened).toContainText('Added 25 · refused 0 · failed 0 · not sent 0');
  await reopened.getByRole('button', { name: 'Undo: remove the 25 members added' }).click();
  const undo = page.getByRole('dialog', { name: /^Undo: removing the 25 members added to/ });
  await expect(undo).toContainText('Removed 25 · not members 0 · failed 0 · not sent 0');
  await undo.getByRole('button', { name: 'Close' }).click();
  await expect(newest).toHaveAccessibleName(`local (moderator) removed members from thread ${thread}`);
  await expect(newest).toContainText(`Undo: removing the 25 members added to ${DEMO_THREAD_NAMES.empty}`);
  await newest.getByRole('button', { name: /^Open what this undid/ }).click();
  await expect(page.getByRole('dialog', { name: /^Add 25 members to/ })).toContainText('undone');
  await page.keyboard.press('Escape');

  await newest.getByRole('link', { name: thread }).click();
  await expect(page).toHaveURL(`/threads/${thread}`);
});
