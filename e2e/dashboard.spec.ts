import { expect, test } from '@playwright/test';

test('the dashboard opens and names the backend it talks to', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Thread members' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Backend: Emulator · demo/moderation' })).toBeVisible();
});

test('an unknown address says so and offers the way home', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to home' }).click();
  await expect(page.getByRole('heading', { name: 'Thread members' })).toBeVisible();
});
