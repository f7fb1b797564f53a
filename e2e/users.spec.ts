import type { Page } from '@playwright/test';
import { accessibilityViolations } from './axe.ts';
import { expect, test } from './token-scan.ts';
import { DEMO_OTHER_GROUP_ID, DEMO_THREADS } from '../emulator/demo-data.ts';
import { clearFaults, resetDemoData, setFaults, threadMembers } from './emulator-control.ts';
import { downloadedThreadResults } from './results-file.ts';

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Open thread or user' });

// Other specs change membership: each test starts from the demo data.
test.beforeEach(resetDemoData);
test.afterEach(clearFaults);

test.describe('the search box of the top bar', () => {
  test('opens a thread by its ID with Enter', async ({ page }) => {
    await page.goto('/threads');
    await searchBox(page).fill(DEMO_THREADS.small);
    await searchBox(page).press('Enter');
    await expect(page).toHaveURL(`/threads/${DEMO_THREADS.small}`);
    await expect(page.getByRole('heading', { name: 'Moderators lounge', level: 1 })).toBeVisible();
    await expect(searchBox(page)).toHaveValue('');
  });

  test('opens the threads of a user by username', async ({ page }) => {
    await page.goto(`/threads/${DEMO_THREADS.small}`);
    await searchBox(page).fill('Alice');
    await searchBox(page).press('Enter');
    await expect(page).toHaveURL('/users/alice');
    await expect(page.getByRole('heading', { name: 'Threads of alice', level: 1 })).toBeVisible();
  });

  test('says what it expected for bad input and keeps the text', async ({ page }) => {
    await page.goto('/threads');
    await searchBox(page).fill('alice smith');
    await searchBox(page).press('Enter');
    await expect(page.getByRole('alert')).toContainText(
      '“alice smith” is neither a thread ID nor a username',
    );
    await expect(page.getByRole('alert')).toContainText('Enter a thread ID (digits only');
    await expect(searchBox(page)).toHaveValue('alice smith');
    await expect(page).toHaveURL('/threads');
  });
});

const threadList = (page: Page, username: string) =>
  page.getByRole('list', { name: `Threads of ${username}` });
const listStatus = (page: Page) => page.getByRole('status').filter({ hasText: 'loaded' });

test.describe("a user's threads", () => {
  test('are listed with their details, scroll to the end and sort oldest first from the URL', async ({
    page,
  }) => {
    await page.goto('/users/spammer');
    await expect(listStatus(page)).toHaveText(/^(50|54) threads loaded/);
    const help = threadList(page, 'spammer').getByRole('listitem', { name: 'Community help desk' });
    await threadList(page, 'spammer').evaluate((list) => list.parentElement?.scrollTo(0, 1e6));
    await expect(listStatus(page)).toHaveText('54 threads loaded · end of list');
    await expect(help).toContainText(`ID ${DEMO_THREADS.large} · group 179800040062977 · owner moderator`);
    await help.getByRole('link', { name: 'Community help desk' }).click();
    await expect(page).toHaveURL(`/threads/${DEMO_THREADS.large}`);

    await page.goBack();
    await page.getByRole('button', { name: 'Oldest first' }).click();
    await expect(page).toHaveURL('/users/spammer?sort=asc');
    await expect(threadList(page, 'spammer').getByRole('listitem').first()).toHaveAccessibleName(
      'Community help desk',
    );
  });

  test('can be limited to one group, kept in the URL', async ({ page }) => {
    await page.goto('/users/spammer');
    const group = page.getByRole('textbox', { name: 'Group ID (optional)' });
    await group.fill('not a group');
    await expect(page.getByText('A group ID has only digits')).toBeVisible();
    await group.fill(DEMO_OTHER_GROUP_ID);
    await group.press('Enter');
    await expect(page).toHaveURL(`/users/spammer?group=${DEMO_OTHER_GROUP_ID}`);
    await expect(listStatus(page)).toHaveText('3 threads loaded · end of list');
    await expect(threadList(page, 'spammer').getByRole('listitem', { name: 'Partners only' })).toBeVisible();
  });

  test('say what failed when the Chat API keeps failing, and load on Retry', async ({ page }) => {
    await setFaults({ faultRate: 1 });
    await page.goto('/users/alice');
    await expect(page.getByText('Could not load the threads of alice')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText(/The Chat API is not answering properly/)).toBeVisible();
    await clearFaults();
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(
      threadList(page, 'alice').getByRole('listitem', { name: 'Moderators lounge' }),
    ).toBeVisible();
  });

  test('say when there are none, and when the user does not exist', async ({ page }) => {
    await page.goto('/users/lurker');
    await expect(page.getByText('lurker has joined no threads.')).toBeVisible();
    // Nothing to remove them from: no action is offered, not even a disabled one.
    await expect(page.getByRole('button', { name: /^Remove from all/ })).toHaveCount(0);
    await page.goto('/users/nobody-here');
    await expect(page.getByText('No user named nobody-here exists in this app.')).toBeVisible();
  });
});

test.describe('removing a user from threads', () => {
  test('from two selected threads, then Undo', async ({ page }) => {
    await page.goto('/users/spammer?sort=asc');
    const list = threadList(page, 'spammer');
    const second = list.getByRole('listitem', { name: 'Onboarding questions #4', exact: true });
    const secondId = /ID (\d+)/.exec((await second.textContent()) ?? '')?.[1] ?? '';
    await list.getByRole('checkbox', { name: 'Select Community help desk' }).check();
    // By keyboard too: the checkbox is a tab stop, Space ticks it.
    await second.getByRole('checkbox').focus();
    await page.keyboard.press('Space');
    await expect(listStatus(page)).toContainText('2 selected');
    await page.getByRole('button', { name: 'Remove from selected threads (2)' }).click();

    const confirm = page.getByRole('dialog', { name: 'Remove spammer from 2 threads' });
    await expect(confirm).toContainText(
      'spammer will be removed from 2 threads: Community help desk, Onboarding questions #4.',
    );
    await confirm.getByRole('button', { name: 'Remove from 2 threads' }).click();

    const dialog = page.getByRole('dialog', { name: 'Remove spammer from 2 threads' });
    await expect(dialog).toContainText('Removed 2 · not members 0 · failed 0 · not sent 0');
    expect(await accessibilityViolations(page), 'the results').toEqual([]);
    await expect(dialog.getByRole('list', { name: 'Results' })).toContainText(
      `Community help desk (ID ${DEMO_THREADS.large})removed`,
    );
    expect(await threadMembers(DEMO_THREADS.large)).not.toContain('spammer');
    expect(await threadMembers(secondId)).not.toContain('spammer');

    await dialog.getByRole('button', { name: 'Undo: add back to 2 threads' }).click();
    const undo = page.getByRole('dialog', { name: 'Undo: adding spammer back to 2 threads' });
    await expect(undo).toContainText('Added 2 · refused 0 · failed 0 · not sent 0');
    expect(await threadMembers(DEMO_THREADS.large)).toContain('spammer');
    expect(await threadMembers(secondId)).toContain('spammer');
    await undo.getByRole('button', { name: 'Close' }).click();
    await expect(list.getByRole('listitem', { name: 'Community help desk' })).toBeVisible();
    // Back in both threads, and nothing is selected any more.
    await expect(listStatus(page)).toHaveText(/^50 threads loaded$/);
    await expect(list.getByRole('checkbox', { name: 'Select Community help desk' })).not.toBeChecked();

    // The audit log shows each operation as one entry, however many threads it touched.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
    const entries = page.getByRole('list', { name: 'Activity' }).getByRole('listitem');
    await expect(entries.nth(0)).toHaveAccessibleName('local (moderator) added spammer to 2 threads');
    await expect(entries.nth(1)).toHaveAccessibleName('local (moderator) removed spammer from 2 threads');
    await expect(entries.nth(1)).toContainText('2 removed · 2 calls');
  });

  test('a thread whose calls keep failing is reported failed, and Retry failed finishes it', async ({
    page,
  }) => {
    await page.goto('/users/spammer?sort=asc');
    await threadList(page, 'spammer').getByRole('checkbox', { name: 'Select Community help desk' }).check();
    await page.getByRole('button', { name: 'Remove from selected threads (1)' }).click();
    // Every attempt fails before the change: the thread runs out of retries and is named failed.
    await setFaults({ script: Array.from({ length: 5 }, () => 'before-503' as const) });
    await page
      .getByRole('dialog', { name: 'Remove spammer from 1 thread' })
      .getByRole('button', { name: 'Remove from 1 thread' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Remove spammer from 1 thread' });
    await expect(dialog).toContainText('Removed 0 · not members 0 · failed 1 · not sent 0', {
      timeout: 20_000,
    });
    await expect(dialog.getByRole('list', { name: 'Results' })).toContainText(/failed: .*503/);
    expect(await threadMembers(DEMO_THREADS.large)).toContain('spammer');

    await dialog.getByRole('button', { name: 'Retry failed (1 thread)' }).click();
    await expect(dialog).toContainText('Removed 1 · not members 0 · failed 0 · not sent 0');
    expect(await threadMembers(DEMO_THREADS.large)).not.toContain('spammer');
  });

  test('from all threads with faults injected: the server agrees with the results, thread by thread', async ({
    page,
  }) => {
    await page.goto('/users/spammer');
    await expect(listStatus(page)).toHaveText(/^50 threads loaded/);
    // The list is not at its end yet: "all" loads the remaining page before asking.
    await page.getByRole('button', { name: 'Remove from all threads' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove spammer from 54 threads' });
    await expect(confirm).toContainText('every page was loaded before this confirmation');
    await expect(confirm).toContainText('and 49 more.');

    await setFaults({ faultRate: 0.3 });
    await confirm.getByRole('button', { name: 'Remove from 54 threads' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove spammer from 54 threads' });
    await expect(dialog.getByRole('status').filter({ hasText: 'threads done' })).toContainText(
      /^(Finished|Stopped|Cancelled) · 54 of 54 threads done/,
      { timeout: 30_000 },
    );
    await clearFaults();

    const results = await downloadedThreadResults(page, dialog);
    expect(results.size).toBe(54);
    for (const [threadId, outcome] of results) {
      const stillMember = (await threadMembers(threadId)).includes('spammer');
      if (/^(removed|not a member)/.test(outcome)) expect(stillMember, `${threadId}: ${outcome}`).toBe(false);
      else if (outcome.startsWith('not sent')) expect(stillMember, `${threadId}: ${outcome}`).toBe(true);
      else expect(outcome, threadId).toMatch(/^failed: /);
    }

    const retry = dialog.getByRole('button', { name: /Retry failed/ });
    if (await retry.isVisible()) await retry.click();
    await expect(dialog).toContainText(/failed 0 · not sent 0/, { timeout: 30_000 });
    for (const threadId of results.keys()) {
      expect(await threadMembers(threadId), threadId).not.toContain('spammer');
    }
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByText('spammer has joined no threads.')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Remove from all/ })).toHaveCount(0);
  });
});

test.describe('is a user a member of this thread', () => {
  test('answers, and offers Remove or Add accordingly', async ({ page }) => {
    await page.goto(`/threads/${DEMO_THREADS.small}`);
    const check = page.getByRole('form', { name: 'Is this user a member?' });
    const name = check.getByRole('textbox', { name: 'Is this user a member?' });
    await name.fill('Alice');
    await name.press('Enter');
    const answer = page.getByRole('status').filter({ hasText: /member of this thread/ });
    await expect(answer).toHaveText('alice is a member of this thread.');

    await page.getByRole('button', { name: 'Remove alice' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove alice from Moderators lounge' });
    await expect(confirm).toContainText('alice will be removed from Moderators lounge.');
    await confirm.getByRole('button', { name: 'Remove alice' }).click();
    const removal = page.getByRole('dialog', { name: 'Remove alice from Moderators lounge' });
    await expect(removal).toContainText('Removed 1 · not members 0 · failed 0 · not sent 0');
    expect(await threadMembers(DEMO_THREADS.small)).not.toContain('alice');
    await removal.getByRole('button', { name: 'Close' }).click();
    await expect(answer).toHaveText('alice is not a member of this thread.');

    await page.getByRole('button', { name: 'Add alice' }).click();
    const confirmAdd = page.getByRole('dialog', { name: 'Add alice to Moderators lounge' });
    await expect(confirmAdd).toContainText('alice will be added to Moderators lounge.');
    expect(await threadMembers(DEMO_THREADS.small)).not.toContain('alice');
    await confirmAdd.getByRole('button', { name: 'Add alice' }).click();
    const adding = page.getByRole('dialog', { name: 'Add alice to Moderators lounge' });
    await expect(adding).toContainText('Added 1 · refused 0 · failed 0 · not sent 0');
    expect(await threadMembers(DEMO_THREADS.small)).toContain('alice');
    await adding.getByRole('button', { name: 'Close' }).click();
    await expect(answer).toHaveText('alice is a member of this thread.');
  });

  test('says a user outside the thread’s group cannot be added, and offers no Add', async ({ page }) => {
    await page.goto(`/threads/${DEMO_THREADS.small}`);
    const name = page.getByRole('textbox', { name: 'Is this user a member?' });
    await name.fill('outsider');
    await name.press('Enter');
    const answer = page.getByRole('status').filter({ hasText: 'outsider' });
    await expect(answer).toContainText('outsider is not a member of this thread, nor of its group');
    await expect(page.getByRole('button', { name: 'Add outsider' })).toHaveCount(0);
  });

  test('says what is wrong with a name, and when no such user exists', async ({ page }) => {
    await page.goto(`/threads/${DEMO_THREADS.small}`);
    const name = page.getByRole('textbox', { name: 'Is this user a member?' });
    await name.fill('not a name!');
    await name.press('Enter');
    await expect(page.getByText('“not a name!” is not a username')).toBeVisible();
    await expect(name).toHaveValue('not a name!');
    await name.fill('nobody-here');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(page.getByText('No user named nobody-here exists in this app')).toBeVisible();
  });
});
