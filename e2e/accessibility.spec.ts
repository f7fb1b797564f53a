// Every page and the members page's dialogs, checked by axe against WCAG 2.1 A and AA, in both themes.
import { DEMO_THREADS } from '../emulator/demo-data.ts';
import { accessibilityViolations as violations } from './axe.ts';
import { memberGrid } from './member-grid.ts';
import { expect, test } from './token-scan.ts';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
    });

    test('the members page and its dialogs', async ({ page }) => {
      await page.goto(`/threads/${DEMO_THREADS.small}`);
      await expect(memberGrid(page).getByRole('row').first()).toBeVisible();
      await expect(page.getByRole('textbox', { name: 'Is this user a member?' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
      for (const action of ['Add members', 'Remove by list', 'Export members']) {
        await page.getByRole('button', { name: action }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        expect(await violations(page), action).toEqual([]);
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog')).toBeHidden();
      }
    });

    test('an operation window, each of its buttons hovered', async ({ page }) => {
      await page.goto(`/threads/${DEMO_THREADS.small}`);
      await expect(memberGrid(page).getByRole('row').first()).toBeVisible();
      await page.getByRole('button', { name: 'Export members' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Start export' }).click();
      const operation = page.getByRole('dialog');
      await expect(operation.getByRole('status', { name: 'Download' })).toContainText('Downloaded');
      await expect(operation.getByRole('button')).toContainText(['Close', 'All operations']);
      for (const button of await operation.getByRole('button').all()) {
        await button.hover();
        expect(await violations(page), await button.innerText()).toEqual([]);
      }
    });

    test('the thread list, a user page and the activity', async ({ page }) => {
      for (const [address, ready] of [
        ['/threads', 'Threads'],
        ['/users/spammer', 'Threads of spammer'],
        ['/activity', 'Activity'],
      ] as const) {
        await page.goto(address);
        await expect(page.getByRole('heading', { name: ready, level: 1 })).toBeVisible();
        await expect(page.getByRole('status').filter({ hasText: 'loaded' }).first()).toBeVisible();
        expect(await violations(page), address).toEqual([]);
      }
    });
  });
}
