import { readFile } from 'node:fs/promises';
import { accessibilityViolations } from './axe.ts';
import { expect, test } from './token-scan.ts';
import { DEMO_THREAD_NAMES, DEMO_THREADS, DEMO_USERS, demoUsername } from '../emulator/demo-data.ts';
import { downloadedResults } from './results-file.ts';
import { clearFaults, resetDemoData, setFaults, threadMembers } from './emulator-control.ts';
import { paste } from './paste.ts';

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

  // The server runs it; its window opens in place of the dialog.
  const shown = page.getByRole('dialog', { name: 'Add 20 members to Moderators lounge' });
  await expect(shown.getByRole('status').filter({ hasText: 'users done' })).toContainText(
    /^(Finished|Stopped|Cancelled)/,
  );
  await expect(shown).toContainText('Added 18 · refused 2 · failed 0 · not sent 0 · invalid 3');
  expect(await accessibilityViolations(page), 'the results').toEqual([]);
  const results = shown.getByRole('list', { name: 'Results' });
  // Problems come first: the refused users, then the invalid entries.
  await expect(results.getByRole('listitem').first()).toContainText('refused');
  // By keyboard: the results scroll with the keys once their area has focus.
  await shown.getByRole('region', { name: 'Results, scrollable' }).focus();
  await page.keyboard.press('End');
  await expect(results.getByRole('listitem').last()).toHaveText(`${newcomers[17] ?? ''}added`);
  await page.keyboard.press('Home');
  await expect(
    results.getByRole('listitem').filter({ hasText: new RegExp(`^${DEMO_USERS.outsider}`) }),
  ).toContainText('refused: users [outsider] are not members of this group!');
  await expect(results.getByRole('listitem').filter({ hasText: 'bad!name' })).toContainText('invalid');

  const members = await threadMembers(DEMO_THREADS.small);
  // Batches run side by side, so join order among the newcomers is the order their batches landed in.
  expect(members.slice(-18).sort()).toEqual(newcomers);
  expect(members).not.toContain(DEMO_USERS.outsider);

  // A filter shows one outcome.
  await shown.getByRole('button', { name: 'Refused 2' }).click();
  await expect(results.getByRole('listitem')).toHaveCount(2);
  await shown.getByRole('button', { name: 'All 23' }).click();

  // Undo removes exactly the users the operation added.
  await shown.getByRole('button', { name: 'Undo: remove the 18 members added' }).click();
  const undo = page.getByRole('dialog', { name: /^Undo: removing the 18 members added to/ });
  await expect(undo).toContainText('Removed 18 · not members 0 · failed 0 · not sent 0');
  expect(await threadMembers(DEMO_THREADS.small)).toEqual(members.slice(0, -18));
  await undo.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Add members' }).click();
  await dialog.getByRole('textbox', { name: 'Usernames' }).fill(newcomers.join(' '));
  await dialog.getByRole('button', { name: 'Add 18 members' }).click();
  const again = page.getByRole('dialog', { name: 'Add 18 members to Moderators lounge' });
  await expect(again).toContainText('Added 18 · refused 0 · failed 0 · not sent 0');

  // The list shows the change without refetching its pages.
  await again.getByRole('button', { name: 'Close' }).click();
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
    '5 valid · 1 invalid · 1 duplicate · 0 already members',
  );
  await dialog.getByRole('button', { name: 'Add 5 members' }).click();

  const shown = page.getByRole('dialog', { name: 'Add 5 members to Moderators lounge' });
  await expect(shown.getByRole('status').filter({ hasText: 'users done' })).toContainText(
    /^(Finished|Stopped|Cancelled)/,
  );
  await expect(shown).toContainText('Added 5 · refused 0 · failed 0 · not sent 0 · invalid 1');
  const results = shown.getByRole('list', { name: 'Results' }).getByRole('listitem');
  for (const name of fromFile) {
    await expect(results.filter({ hasText: new RegExp(`^${name}`) })).toHaveText(`${name}added`);
  }
  await expect(results.filter({ hasText: 'bad!name' })).toContainText('invalid');
  expect((await threadMembers(DEMO_THREADS.small)).slice(-5).sort()).toEqual(fromFile);
});

test('a CSV cell with a space or a comma is one entry, shown invalid with its reason, never split', async ({
  page,
}) => {
  const newcomer = demoUsername(142_011);
  const csv = `username,display name\r\nAnn Lee,Ann\r\nbad name,x\r\n"ann,lee",y\r\n${newcomer},z\r\n`;
  await page.goto(`/threads/${DEMO_THREADS.small}`);
  await page.getByRole('button', { name: 'Add members' }).click();
  const dialog = page.getByRole('dialog', { name: /Add members to/ });
  await dialog.getByLabel('Usernames file').setInputFiles({
    name: 'people.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });

  await expect(dialog.getByRole('status').filter({ hasText: /^Read / })).toHaveText(
    'Read 4 names from people.csv',
  );
  await expect(dialog.getByRole('textbox', { name: 'Usernames' })).toHaveValue(
    `"Ann Lee"\n"bad name"\n"ann,lee"\n${newcomer}`,
  );
  await expect(dialog.getByRole('status', { name: 'Parsed usernames' })).toHaveText(
    '1 valid · 3 invalid · 0 duplicates · 0 already members',
  );
  const reason = 'only letters, digits, _ - and . are allowed';
  await expect(dialog.getByRole('alert')).toContainText(
    `Ann Lee (${reason}), bad name (${reason}), ann,lee (${reason})`,
  );
  await expect(dialog.getByRole('button', { name: 'Add 1 member' })).toBeEnabled();
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
  const shown = page.getByRole('dialog', { name: 'Add 3 members to Moderators lounge' });
  await expect(shown.getByRole('status').filter({ hasText: 'users done' })).toContainText(
    /^(Finished|Stopped|Cancelled)/,
  );

  const refusal = `refused: users [${DEMO_USERS.outsider}] are not members of this group!`;
  const invalid = 'invalid: only letters, digits, _ - and . are allowed';

  await shown.getByRole('button', { name: 'Copy results' }).click();
  await expect(shown.getByRole('status', { name: 'Copy and download' })).toHaveText('Copied 4 rows');
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
  await shown.getByRole('button', { name: 'Download CSV' }).click();
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
      // papaparse quotes a cell it protects; a spreadsheet reads it the same.
      `"'=1+2","${invalid}"`,
    ].sort(),
  );
});

/** Users in the demo group and in no thread, from `first` on. */
const fresh = (first: number, count: number) =>
  Array.from({ length: count }, (_, i) => demoUsername(first + i));

test('an operation runs on the server: a reload changes nothing, and another browser sees it', async ({
  page,
  browser,
}) => {
  // 3,000 users are 300 calls: about three seconds at the API's 100 calls a second.
  const many = fresh(100_001, 3_000);
  await page.goto(`/threads/${DEMO_THREADS.empty}`);
  await page.getByRole('button', { name: 'Add members' }).click();
  await paste(page.getByRole('textbox', { name: 'Usernames' }), many.join('\n'));
  await page.getByRole('button', { name: 'Add 3,000 members' }).click();
  const label = `Add 3,000 members to ${DEMO_THREAD_NAMES.empty}`;
  const shown = page.getByRole('dialog', { name: label });
  await expect(shown).toContainText(/Added [1-9]/);

  // Another moderator's browser lists it, with who started it.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto('/threads');
  await otherPage.getByRole('button', { name: /^Operations/ }).click();
  // The list keeps earlier runs' operations; the newest comes first.
  const listed = otherPage.getByRole('dialog', { name: 'Operations' }).getByRole('listitem').first();
  await expect(listed).toContainText(`${label}local`);

  await page.reload();
  await expect(page.getByRole('dialog', { name: label })).toContainText(
    'Added 3,000 · refused 0 · failed 0 · not sent 0',
    { timeout: 60_000 },
  );
  expect((await threadMembers(DEMO_THREADS.empty)).sort()).toEqual(many.sort());
  await listed.getByRole('button', { name: `Show ${label}` }).click();
  await expect(otherPage.getByRole('dialog', { name: label })).toContainText('Added 3,000');
  await other.close();
});

test('a cancelled add is sent to its end later, and Undo reverses it once', async ({ page }) => {
  // Three operations of 500 calls each: a busy machine needs more than the usual test time.
  test.slow();
  // 5,000 users are 500 calls: about five seconds, time enough to cancel.
  const many = fresh(110_001, 5_000);
  await page.goto(`/threads/${DEMO_THREADS.empty}`);
  await page.getByRole('button', { name: 'Add members' }).click();
  await paste(page.getByRole('textbox', { name: 'Usernames' }), many.join('\n'));
  await page.getByRole('button', { name: 'Add 5,000 members' }).click();
  const shown = page.getByRole('dialog', { name: `Add 5,000 members to ${DEMO_THREAD_NAMES.empty}` });
  await expect(shown).toContainText(/Added [1-9]/);
  await shown.getByRole('button', { name: 'Cancel operation' }).click();
  await expect(shown.getByRole('status').first()).toContainText('Cancelled', { timeout: 30_000 });
  const added = (await threadMembers(DEMO_THREADS.empty)).length;
  expect(added).toBeLessThan(5_000);

  await shown.getByRole('button', { name: /^Send the rest \([\d,]+ members? failed or not sent\)$/ }).click();
  await expect(shown).toContainText('Added 5,000 · refused 0 · failed 0 · not sent 0', { timeout: 30_000 });
  expect((await threadMembers(DEMO_THREADS.empty)).sort()).toEqual(many.sort());

  await shown.getByRole('button', { name: 'Undo: remove the 5,000 members added' }).click();
  const undo = page.getByRole('dialog', { name: /^Undo: removing the 5,000 members added to/ });
  await expect(undo).toContainText('Removed 5,000 · not members 0 · failed 0 · not sent 0', {
    timeout: 30_000,
  });
  expect(await threadMembers(DEMO_THREADS.empty)).toEqual([]);

  await undo.getByRole('button', { name: 'Show what it undid' }).click();
  await expect(shown).toContainText('Added 5,000 · refused 0 · failed 0 · not sent 0 · undone');
  await expect(shown.getByRole('button', { name: /^Undo/ })).toHaveCount(0);
});

test('a member already there is reported so, and Undo leaves them in the thread', async ({ page }) => {
  // Far beyond the loaded pages of the 100,000-member thread: the dialog cannot know they are a member.
  const existing = demoUsername(124_287 % 99_999);
  const newcomer = demoUsername(145_001);
  await page.goto(`/threads/${DEMO_THREADS.huge}`);
  await page.getByRole('button', { name: 'Add members' }).click();
  await page.getByRole('textbox', { name: 'Usernames' }).fill(`${existing} ${newcomer}`);
  await page.getByRole('button', { name: 'Add 2 members' }).click();
  const shown = page.getByRole('dialog', { name: `Add 2 members to ${DEMO_THREAD_NAMES.huge}` });
  await expect(shown).toContainText('Added 1 · refused 0 · already members 1 · failed 0 · not sent 0');
  const results = shown.getByRole('list', { name: 'Results' });
  await expect(results.getByRole('listitem').filter({ hasText: existing })).toContainText('already a member');

  await shown.getByRole('button', { name: 'Undo: remove the 1 member added' }).click();
  const undo = page.getByRole('dialog', {
    name: `Undo: removing ${newcomer} added to ${DEMO_THREAD_NAMES.huge}`,
  });
  await expect(undo).toContainText('Removed 1 · not members 0 · failed 0 · not sent 0');
  const members = new Set(await threadMembers(DEMO_THREADS.huge));
  expect(members.has(existing)).toBe(true);
  expect(members.has(newcomer)).toBe(false);
});
