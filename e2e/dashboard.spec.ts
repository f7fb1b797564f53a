import { expect, test } from './token-scan.ts';

test('the dashboard opens on the thread list and names the backend it talks to', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL('/threads');
  await expect(page.getByRole('heading', { name: 'Threads', level: 1 })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Backend: Emulator · demo/moderation' })).toBeVisible();
  // Bound to loopback without sign-in, the top bar says so rather than naming a user.
  await expect(page.getByLabel('No sign-in: everyone is a moderator')).toHaveText('No sign-in');
});

test('in a narrow window the top bar wraps, keeping every control in sight', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 800 });
  await page.goto('/threads');
  for (const control of [
    page.getByRole('searchbox', { name: 'Open thread or user' }),
    page.getByRole('button', { name: 'Operations' }),
    page.getByRole('status', { name: /^Backend: / }),
    page.getByRole('button', { name: /^Switch to/ }),
  ]) {
    await expect(control).toBeInViewport({ ratio: 1 });
  }
});

test('an unknown address says so and offers the way home', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to home' }).click();
  await expect(page.getByRole('heading', { name: 'Threads', level: 1 })).toBeVisible();
});

test('the theme follows the system, can be switched, and the choice is kept', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/threads');
  const body = page.locator('body');
  await expect(body).toHaveCSS('background-color', 'rgb(18, 18, 18)');
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(page.getByRole('button', { name: 'Switch to dark theme' })).toBeVisible();
  await expect(body).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Switch to dark theme' })).toBeVisible();
  await expect(body).toHaveCSS('background-color', 'rgb(255, 255, 255)');
});
