import { expect, test } from '@playwright/test';
import { DEMO_THREADS, DEMO_USERS, demoUsername } from '../emulator/demo-data.ts';
import { clearFaults, resetDemoData, setFaults, threadMembers } from './emulator-control.ts';

test.beforeEach(resetDemoData);
test.afterEach(clearFaults);

// In the group, in no thread: they can be added.
const newcomers = Array.from({ length: 18 }, (_, i) => demoUsername(140_001 + i));

test('adding 25 pasted names, 3 invalid and 2 duplicates, gives the exact result for each', async ({
  page,
}) => {
  const pasted = [
    ...newcomers.slice(0, 9),
    'bad!name',
    `USER140001`,
    ...newcomers.slice(9),
    DEMO_USERS.outsider,
    'no/slash',
    DEMO_USERS.unknown,
    'x'.repeat(65),
    newcomers[1] ?? '',
  ].join('\n');

  await page.goto(`/threads/${DEMO_THREADS.small}`);
  await expect(page.getByRole('status').filter({ hasText: 'members loaded' })).toHaveText(
    '40 members loaded · end of list',
  );
  await page.getByRole('button', { name: 'Add members' }).click();
  const dialog = page.getByRole('dialog', { name: /Add members to/ });
  await dialog.getByRole('textbox', { name: 'Usernames' }).fill(pasted);
  await expect(dialog.getByRole('status', { name: 'Parsed usernames' })).toHaveText(
    '20 valid · 3 invalid · 2 duplicates · 0 already members',
  );
  await expect(dialog).toContainText('bad!name (only letters, digits, _ - and . are allowed)');
  await dialog.getByRole('button', { name: 'Add 20 members' }).click();

  await expect(dialog.getByRole('button', { name: 'Close' })).toBeVisible();
  await expect(dialog).toContainText('Added 18 · refused 2 · failed 0 · not sent 0 · invalid 3');
  const results = dialog.getByRole('list', { name: 'Results' });
  await results.evaluate((list) => list.parentElement?.scrollTo(0, list.scrollHeight));
  await expect(
    results.getByRole('listitem').filter({ hasText: new RegExp(`^${DEMO_USERS.outsider}`) }),
  ).toContainText('refused: users [outsider, nobody-here] are not members of this group!');
  await expect(results.getByRole('listitem').filter({ hasText: 'bad!name' })).toContainText('invalid');

  const members = await threadMembers(DEMO_THREADS.small);
  // Batches run side by side, so join order among the newcomers is the order their batches landed in.
  expect(members.slice(-18).sort()).toEqual(newcomers);
  expect(members).not.toContain(DEMO_USERS.outsider);

  // The list shows the change without refetching its pages.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'members loaded' })).toHaveText(
    '58 members loaded · end of list',
  );
  await expect(page.getByText('Members', { exact: true }).locator('..')).toContainText('58');
});

test('with a fifth of the calls failing, the added members on the server agree with the results', async ({
  page,
}) => {
  const many = Array.from({ length: 120 }, (_, i) => demoUsername(141_001 + i));
  await page.goto(`/threads/${DEMO_THREADS.empty}`);
  await expect(page.getByText('This thread has no members.')).toBeVisible();
  await setFaults({ faultRate: 0.2 });
  await page.getByRole('button', { name: 'Add members' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Usernames' }).fill(many.join(', '));
  await dialog.getByRole('button', { name: 'Add 120 members' }).click();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeVisible({ timeout: 30_000 });
  await clearFaults();

  const failedRetry = dialog.getByRole('button', { name: /Retry failed/ });
  if (await failedRetry.isVisible()) {
    await failedRetry.click();
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeVisible({ timeout: 30_000 });
  }
  await expect(dialog).toContainText('Added 120 · refused 0 · failed 0');
  expect((await threadMembers(DEMO_THREADS.empty)).sort()).toEqual(many);
});
