// The members page fills the window: a compact header and toolbar, then the grid with its sticky column headers
// as the page's one scroll box; and the keyboard path from the top of the page to removing selected members.
import type { Page } from '@playwright/test';
import { DEMO_THREADS } from '../emulator/demo-data.ts';
import { memberGrid } from './member-grid.ts';
import { expect, test } from './token-scan.ts';

const LARGE = `/threads/${DEMO_THREADS.large}`;

/** Member rows wholly inside both the grid's box (below its header row) and the window. */
function fullyVisibleRows(page: Page): Promise<number> {
  return memberGrid(page).evaluate((grid) => {
    const box = grid.getBoundingClientRect();
    const header = grid.querySelector('[role=columnheader]')?.getBoundingClientRect();
    const top = header?.bottom ?? box.top;
    return Array.from(grid.querySelectorAll('[role=row][data-username]')).filter((row) => {
      const { top: rowTop, bottom } = row.getBoundingClientRect();
      return rowTop >= top - 1 && bottom <= Math.min(box.bottom, window.innerHeight) + 1;
    }).length;
  });
}

function scrollBoxes(page: Page) {
  return page.evaluate(() => {
    const grid = document.querySelector<HTMLElement>('[role=grid]');
    return {
      pageScrolls: document.documentElement.scrollHeight > window.innerHeight,
      pageScrollsSideways: document.documentElement.scrollWidth > window.innerWidth,
      gridScrolls: grid !== null && grid.scrollHeight > grid.clientHeight,
    };
  });
}

test.use({ viewport: { width: 1280, height: 800 } });

test('at 1280×800 the grid shows 15 members under its column headers, 20 in compact rows, with one scroll bar', async ({
  page,
}) => {
  await page.goto(LARGE);
  const grid = memberGrid(page);
  await expect(grid.getByRole('row', { name: /moderator/ })).toBeVisible();
  await expect(grid.getByRole('columnheader')).toHaveText(['', 'Position', 'Username', 'Role']);
  await expect(grid.getByRole('checkbox', { name: 'Select all loaded members' })).toBeVisible();
  await expect(
    grid
      .getByRole('row', { name: /moderator/ })
      .getByRole('gridcell')
      .last(),
  ).toHaveText('owner');
  expect(await fullyVisibleRows(page)).toBeGreaterThanOrEqual(15);
  expect(await scrollBoxes(page)).toEqual({
    pageScrolls: false,
    pageScrollsSideways: false,
    gridScrolls: true,
  });

  // The header row stays at the top while the members scroll under it.
  const header = grid.getByRole('columnheader', { name: 'Username' });
  const headerTop = (await header.boundingBox())?.y;
  await grid.evaluate((element) => element.scrollBy(0, 2_000));
  await expect(grid.getByRole('row', { name: /moderator/ })).toHaveCount(0);
  expect((await header.boundingBox())?.y).toBe(headerTop);

  await page.getByRole('button', { name: 'Compact rows' }).click();
  await expect(page.getByRole('button', { name: 'Compact rows' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/rows=compact/);
  await expect.poll(() => fullyVisibleRows(page)).toBeGreaterThanOrEqual(20);
  expect((await scrollBoxes(page)).pageScrolls).toBe(false);
});

test('at 700 px wide the top bar takes at most two rows and nothing runs off the side', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 800 });
  await page.goto(LARGE);
  await expect(memberGrid(page).getByRole('row', { name: /moderator/ })).toBeVisible();
  // Mounted after the first paint: the bar is complete.
  await expect(page.getByRole('searchbox', { name: 'Open thread or user' })).toBeVisible();
  // Items of one row differ in height: a row ends where the next item starts below all of it.
  const barRows = await page.getByRole('banner').evaluate((bar) => {
    const boxes = Array.from(bar.firstElementChild?.children ?? [])
      .map((item) => item.getBoundingClientRect())
      .sort((a, b) => a.top - b.top);
    let rows = 0;
    let rowBottom = -Infinity;
    for (const box of boxes) {
      if (box.top >= rowBottom - 1) rows += 1;
      rowBottom = box.top >= rowBottom - 1 ? box.bottom : Math.max(rowBottom, box.bottom);
    }
    return rows;
  });
  expect(barRows).toBeLessThanOrEqual(2);
  // No text in the bar or the page's header is clipped: every box that hides overflow holds all of its text.
  const clipped = await page.evaluate(() =>
    Array.from(document.querySelectorAll('header *, main h1, main dl *'))
      .filter((element) => getComputedStyle(element).overflowX !== 'visible')
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => element.textContent),
  );
  expect(clipped).toEqual([]);
  expect((await scrollBoxes(page)).pageScrollsSideways).toBe(false);
});

test('Tab to the grid, select by keyboard, Delete asks to remove them, and focus comes back', async ({
  page,
}) => {
  await page.goto(`/threads/${DEMO_THREADS.small}`);
  const grid = memberGrid(page);
  await expect(grid.getByRole('row', { name: /moderator/ })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to members' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(grid).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog', { name: /Remove members from/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Remove 1 member' })).toBeFocused();
  await expect(dialog.getByRole('button')).toHaveText(['Cancel', 'Remove 1 member']);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(grid).toBeFocused();

  // A button's dialog gives focus back to the button; its first field takes it while open.
  const byList = page.getByRole('button', { name: 'Remove by list' });
  await byList.click();
  await expect(page.getByRole('textbox', { name: /Usernames/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(byList).toBeFocused();
});

test('selecting all loaded members names the owner among them, and so does the removal', async ({ page }) => {
  await page.goto(`/threads/${DEMO_THREADS.small}`);
  await expect(memberGrid(page).getByRole('row', { name: /moderator/ })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Select all loaded members' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'selected' })).toContainText(
    '40 selected, the owner moderator among them',
  );
  await page.getByRole('button', { name: 'Remove selected (40)' }).click();
  const dialog = page.getByRole('dialog', { name: /Remove members from/ });
  await expect(dialog).toContainText("This includes moderator, the thread's owner");
  await expect(dialog.getByRole('textbox', { name: 'Type 40 to confirm' })).toHaveCount(0);
  await page.keyboard.press('Escape');
});
