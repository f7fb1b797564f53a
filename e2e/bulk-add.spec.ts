import { readFile } from 'node:fs/promises';
import { accessibilityViolations } from './axe.ts';
import type { Page } from '@playwright/test';
import { expect, test } from './token-scan.ts';
import { DEMO_THREADS, DEMO_USERS, demoUsername } from '../emulator/demo-data.ts';
import { downloadedResults } from './results-file.ts';
import { clearFaults, resetDemoData, setFaults, threadMembers } from './emulator-control.ts';

test.beforeEach(resetDemoData);
test.afterEach(clearFaults);

/** Sets the tab's calls-per-second budget from the Operations window's settings. */
async function setCallBudget(page: Page, callsPerSecond: number): Promise<void> {
  await page.getByRole('button', { name: 'Operations' }).click();
  const operations = page.getByRole('dialog', { name: 'Operations' });
  await operations
    .getByRole('textbox', { name: 'Calls per second for bulk operations' })
    .fill(String(callsPerSecond));
  await operations.getByRole('button', { name: 'Close' }).click();
}

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

  await expect(dialog.getByRole('status').filter({ hasText: 'users done' })).toContainText(
    /^(Finished|Stopped|Cancelled)/,
  );
  await expect(dialog).toContainText('Added 18 · refused 2 · failed 0 · not sent 0 · invalid 3');
  expect(await accessibilityViolations(page), 'the results').toEqual([]);
  const results = dialog.getByRole('list', { name: 'Results' });
  // By keyboard: the results scroll with the keys once their area has focus.
  await dialog.getByRole('region', { name: 'Results, scrollable' }).focus();
  await page.keyboard.press('End');
  await expect(
    results.getByRole('listitem').filter({ hasText: new RegExp(`^${DEMO_USERS.outsider}`) }),
  ).toContainText('refused: users [outsider, nobody-here] are not members of this group!');
  await expect(results.getByRole('listitem').filter({ hasText: 'bad!name' })).toContainText('invalid');

  const members = await threadMembers(DEMO_THREADS.small);
  // Batches run side by side, so join order among the newcomers is the order their batches landed in.
  expect(members.slice(-18).sort()).toEqual(newcomers);
  expect(members).not.toContain(DEMO_USERS.outsider);

  // Undo removes exactly the users the operation added.
  await dialog.getByRole('button', { name: 'Undo: remove the 18 added' }).click();
  const undo = page.getByRole('dialog', { name: /Undo: removing the added members/ });
  await expect(undo).toContainText('Removed 18 · not members 0 · failed 0 · not sent 0');
  expect(await threadMembers(DEMO_THREADS.small)).toEqual(members.slice(0, -18));
  await undo.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Add members' }).click();
  await dialog.getByRole('textbox', { name: 'Usernames' }).fill(newcomers.join(' '));
  await dialog.getByRole('button', { name: 'Add 18 members' }).click();
  await expect(dialog).toContainText('Added 18 · refused 0 · failed 0 · not sent 0');

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
  await expect(dialog.getByRole('status').filter({ hasText: 'users done' })).toContainText(
    /^(Finished|Stopped|Cancelled)/,
    { timeout: 30_000 },
  );
  await clearFaults();

  const failedRetry = dialog.getByRole('button', { name: /Retry failed/ });
  if (await failedRetry.isVisible()) {
    await failedRetry.click();
    await expect(dialog.getByRole('status').filter({ hasText: 'users done' })).toContainText(
      /^(Finished|Stopped|Cancelled)/,
      { timeout: 30_000 },
    );
  }
  await expect(dialog).toContainText('Added 120 · refused 0 · failed 0');
  expect((await threadMembers(DEMO_THREADS.empty)).sort()).toEqual(many);
  const results = await downloadedResults(page, dialog);
  expect([...results.keys()].sort()).toEqual(many);
  for (const name of many) expect(results.get(name), name).toBe('added');
});

test('adds members from a CSV file, keeping what was typed', async ({ page }) => {
  const fromFile = Array.from({ length: 5 }, (_, i) => demoUsername(142_001 + i));
  // As Excel writes it: a byte-order mark, CRLF, and quotes around a field with a comma.
  const csv =
    '\uFEFFid,username,note\r\n' +
    fromFile
      .map((name, i) => `${i + 1},${name},${i === 2 ? '"joined late, via support"' : 'ok'}`)
      .join('\r\n') +
    '\r\n6,bad!name,typo\r\n';

  await page.goto(`/threads/${DEMO_THREADS.small}`);
  await page.getByRole('button', { name: 'Add members' }).click();
  const dialog = page.getByRole('dialog', { name: /Add members to/ });
  const usernames = dialog.getByRole('textbox', { name: 'Usernames' });
  await usernames.fill('USER142001');
  await dialog.getByLabel('Usernames file').setInputFiles({
    name: 'members.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });

  await expect(dialog.getByRole('status').filter({ hasText: /^Read / })).toHaveText(
    'Read 6 names from members.csv',
  );
  await expect(usernames).toHaveValue(['USER142001', ...fromFile, 'bad!name'].join('\n'));
  await expect(dialog.getByRole('status', { name: 'Parsed usernames' })).toHaveText(
    '5 valid · 1 invalid · 1 duplicates · 0 already members',
  );
  await dialog.getByRole('button', { name: 'Add 5 members' }).click();

  await expect(dialog.getByRole('status').filter({ hasText: 'users done' })).toContainText(
    /^(Finished|Stopped|Cancelled)/,
  );
  await expect(dialog).toContainText('Added 5 · refused 0 · failed 0 · not sent 0 · invalid 1');
  const results = dialog.getByRole('list', { name: 'Results' }).getByRole('listitem');
  for (const name of fromFile) {
    await expect(results.filter({ hasText: new RegExp(`^${name}`) })).toHaveText(`${name}added`);
  }
  await expect(results.filter({ hasText: 'bad!name' })).toContainText('invalid');
  expect((await threadMembers(DEMO_THREADS.small)).slice(-5).sort()).toEqual(fromFile);
});

test('refuses a file that is not text and loses nothing typed', async ({ page }) => {
  await page.goto(`/threads/${DEMO_THREADS.small}`);
  await page.getByRole('button', { name: 'Add members' }).click();
  const dialog = page.getByRole('dialog', { name: /Add members to/ });
  await dialog.getByRole('textbox', { name: 'Usernames' }).fill('alice');
  // The keyboard path: the button opens the browser's file chooser.
  const choosing = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a file' }).press('Enter');
  // An .xlsx workbook (a zip) saved under a .csv name.
  const chooser = await choosing;
  await chooser.setFiles({
    name: 'members.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]),
  });
  await expect(dialog.getByRole('alert')).toContainText('"members.csv" is not a text file');
  await expect(dialog.getByRole('textbox', { name: 'Usernames' })).toHaveValue('alice');
});

test('copies and downloads the results as CSV', async ({ page, context }) => {
  const names = [demoUsername(142_001), demoUsername(142_002)];
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/threads/${DEMO_THREADS.small}`);
  await page.getByRole('button', { name: 'Add members' }).click();
  const dialog = page.getByRole('dialog', { name: /Add members to/ });
  // An entry a spreadsheet would run as a formula: it must come back as text.
  await dialog
    .getByRole('textbox', { name: 'Usernames' })
    .fill([...names, '=1+2', DEMO_USERS.outsider].join('\n'));
  await dialog.getByRole('button', { name: 'Add 3 members' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'users done' })).toContainText(
    /^(Finished|Stopped|Cancelled)/,
  );

  const refusal = `refused: users [${DEMO_USERS.outsider}] are not members of this group!`;
  const invalid = 'invalid: only letters, digits, _ - and . are allowed';

  await dialog.getByRole('button', { name: 'Copy results' }).click();
  await expect(dialog.getByRole('status', { name: 'Copy and download' })).toHaveText('Copied 4 rows');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.split('\n').sort()).toEqual(
    [
      '',
      ...names.map((name) => `${name}\tadded`),
      `${DEMO_USERS.outsider}\t${refusal}`,
      `'=1+2\t${invalid}`,
    ].sort(),
  );

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^add-members-${DEMO_THREADS.small}-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.csv$`),
  );
  const content = await readFile(await download.path(), 'utf8');
  expect(content.startsWith('\uFEFFusername,outcome\r\n')).toBe(true);
  const records = content.slice(1).split('\r\n');
  expect(records.at(-1)).toBe('');
  expect(records.slice(1, -1).sort()).toEqual(
    [
      ...names.map((name) => `${name},added`),
      `${DEMO_USERS.outsider},${refusal}`,
      `'=1+2,"${invalid}"`,
    ].sort(),
  );
});

test('an operation goes on after its window closes, and its results stay under Operations until dismissed', async ({
  page,
}) => {
  const many = Array.from({ length: 60 }, (_, i) => demoUsername(143_001 + i));
  await page.goto(`/threads/${DEMO_THREADS.empty}`);
  // A slower budget keeps the operation running while the window closes.
  await setCallBudget(page, 1);

  await page.getByRole('button', { name: 'Add members' }).click();
  await page.getByRole('textbox', { name: 'Usernames' }).fill(many.join('\n'));
  await page.getByRole('button', { name: 'Add 60 members' }).click();
  await page
    .getByRole('dialog', { name: /Add members to/ })
    .getByRole('button', { name: 'Close' })
    .click();
  await expect(page.getByRole('button', { name: 'Operations: 1 running' })).toBeVisible();

  await page.getByRole('button', { name: 'Operations: 1 running' }).click();
  const list = page.getByRole('dialog', { name: 'Operations' });
  await list.getByRole('textbox', { name: 'Calls per second for bulk operations' }).fill('100');
  await list.getByRole('button', { name: /^Show Add members to/ }).click();
  const shown = page.getByRole('dialog', { name: /Add members to/ });
  await expect(shown).toContainText('Added 60 · refused 0 · failed 0 · not sent 0', { timeout: 20_000 });
  expect((await threadMembers(DEMO_THREADS.empty)).sort()).toEqual(many);

  await shown.getByRole('button', { name: 'All operations' }).click();
  await list.getByRole('button', { name: /^Dismiss Add members to/ }).click();
  await expect(list).toContainText('No operations');
  await list.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Operations', exact: true })).toBeVisible();
});

test('a cancelled add is sent to its end later; Undo counts down from the end and is offered only once', async ({
  page,
}) => {
  const many = Array.from({ length: 60 }, (_, i) => demoUsername(144_001 + i));
  await page.goto(`/threads/${DEMO_THREADS.empty}`);
  await setCallBudget(page, 1);

  await page.getByRole('button', { name: 'Add members' }).click();
  await page.getByRole('textbox', { name: 'Usernames' }).fill(many.join('\n'));
  await page.getByRole('button', { name: 'Add 60 members' }).click();
  const shown = page.getByRole('dialog', { name: /Add members to/ });
  await expect(shown).toContainText(/Added [1-9]/);
  await shown.getByRole('button', { name: 'Cancel operation' }).click();
  await expect(shown.getByRole('status').first()).toContainText('Cancelled');

  await shown.getByRole('button', { name: 'All operations' }).click();
  await page.getByRole('textbox', { name: 'Calls per second for bulk operations' }).fill('100');
  await page.getByRole('button', { name: /^Show Add members to/ }).click();
  await shown.getByRole('button', { name: /^Send the rest \(\d+ failed or not sent\)$/ }).click();
  await expect(shown).toContainText('Added 60 · refused 0 · failed 0 · not sent 0');
  expect((await threadMembers(DEMO_THREADS.empty)).sort()).toEqual(many);

  // Reopened, the offer goes on counting from the end of the run rather than starting again.
  await shown.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Operations' }).click();
  await page.getByRole('button', { name: /^Show Add members to/ }).click();
  await shown.getByRole('button', { name: 'Undo: remove the 60 added' }).click();
  const undo = page.getByRole('dialog', { name: /Undo: removing the added members/ });
  await expect(undo).toContainText('Removed 60 · not members 0 · failed 0 · not sent 0');
  expect(await threadMembers(DEMO_THREADS.empty)).toEqual([]);

  await undo.getByRole('button', { name: 'All operations' }).click();
  await page.getByRole('button', { name: /^Show Add members to/ }).click();
  await expect(shown).toContainText('Added 60 · refused 0 · failed 0 · not sent 0 · undone');
  await expect(shown.getByRole('button', { name: /^Undo/ })).toHaveCount(0);
});

test('Undo of an add warns when the list was not fully loaded, since some may have been members before', async ({
  page,
}) => {
  await page.goto(`/threads/${DEMO_THREADS.large}`);
  await page.getByRole('button', { name: 'Add members' }).click();
  await page
    .getByRole('textbox', { name: 'Usernames' })
    .fill(`${demoUsername(145_001)} ${demoUsername(145_002)}`);
  await page.getByRole('button', { name: 'Add 2 members' }).click();
  const shown = page.getByRole('dialog', { name: /Add members to/ });
  await expect(shown).toContainText('Added 2 · refused 0 · failed 0 · not sent 0');
  await expect(shown).toContainText('Some of them may have been members before');
  await expect(shown.getByRole('button', { name: 'Undo: remove the 2 added' })).toBeVisible();
});
