import { expect, test, type Page } from '@playwright/test';
import { DEMO_OTHER_GROUP_ID, DEMO_THREADS } from '../emulator/demo-data.ts';

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Open thread or user' });

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

  test('say when there are none, and when the user does not exist', async ({ page }) => {
    await page.goto('/users/lurker');
    await expect(page.getByText('lurker has joined no threads.')).toBeVisible();
    await page.goto('/users/nobody-here');
    await expect(page.getByText('No user named nobody-here exists in this app.')).toBeVisible();
  });
});
