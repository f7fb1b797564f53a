// Reads the member grid the way a test needs it: usernames by position, scrolling it like a person would.
import type { Locator, Page } from '@playwright/test';

export function memberGrid(page: Page): Locator {
  return page.getByRole('grid', { name: 'Members' });
}

/** Usernames of the member rows currently in the DOM, keyed by their 1-based row index. */
export async function renderedMembers(page: Page): Promise<Map<number, string>> {
  const rows = await memberGrid(page)
    .locator('[role=row][data-username]')
    .evaluateAll((elements) =>
      elements.map((row) => [
        Number(row.getAttribute('aria-rowindex')),
        row.getAttribute('data-username') ?? '',
      ]),
    );
  return new Map(rows as [number, string][]);
}

/** Scrolls the grid by one viewport, or by `pixels`; returns whether it was already at the bottom. */
export async function scrollOneScreen(page: Page, pixels?: number): Promise<boolean> {
  return memberGrid(page).evaluate((grid, by) => {
    const atBottom = grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 1;
    grid.scrollTop += by > 0 ? by : grid.clientHeight;
    return atBottom;
  }, pixels ?? 0);
}
