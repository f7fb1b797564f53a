import { expect, test, type Page } from '@playwright/test';
import { DEMO_THREADS } from '../emulator/demo-data.ts';

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
