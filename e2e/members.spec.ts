import { mkdirSync, renameSync } from 'node:fs';
import { expect, test } from './token-scan.ts';
import { DEMO_MARKUP_THREAD_NAME, DEMO_THREADS } from '../emulator/demo-data.ts';
import { clearFaults, setFaults, threadMembers } from './emulator-control.ts';
import { holdScripts } from './held-scripts.ts';
import { memberGrid, renderedMembers, scrollOneScreen } from './member-grid.ts';

test.afterEach(clearFaults);

test('a support engineer opens a thread by its id; an unknown id says so', async ({ page }) => {
  await page.goto('/threads');
  const threadId = page.getByRole('textbox', { name: 'Thread ID' });
  await threadId.fill('999999999999999');
  await page.getByRole('button', { name: 'Open thread' }).click();
  await expect(page.getByRole('alert')).toContainText('No thread with ID 999999999999999 exists');
  await expect(threadId).toHaveValue('999999999999999');

  await threadId.fill(DEMO_THREADS.large);
  await threadId.press('Enter');
  await expect(page).toHaveURL(`/threads/${DEMO_THREADS.large}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Community help desk');
  await expect(memberGrid(page).getByRole('row', { name: /moderator/ })).toBeVisible();
});

test('the member list and the top bar stay put while the rest of the page loads after them', async ({
  page,
}) => {
  // The search box and the membership check come in a chunk loaded after the first rows: hold it back.
  const chunk = await holdScripts(page, '**/assets/on-demand-*.js');
  await page.goto(`/threads/${DEMO_THREADS.small}`);
  await expect(memberGrid(page).getByRole('row').first()).toBeVisible();
  const searchBox = page.getByRole('searchbox', { name: 'Open thread or user' });
  await expect(searchBox).toHaveCount(0);
  // The navigation takes the top bar's free width, so a search box wider or narrower than its place shows here.
  const positions = () =>
    Promise.all([
      memberGrid(page).boundingBox(),
      page.getByRole('navigation', { name: 'Main' }).boundingBox(),
    ]);
  const before = await positions();
  await expect.poll(chunk.held).toBe(1);
  chunk.release();
  await expect(searchBox).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Is this user a member?' })).toBeVisible();
  expect(await positions()).toEqual(before);
});

test('scrolling the 1,200-member thread to the end shows every member exactly once, in join order', async ({
  page,
}) => {
  const expected = await threadMembers(DEMO_THREADS.large);
  await page.goto(`/threads/${DEMO_THREADS.large}`);
  await expect(memberGrid(page).getByRole('row').first()).toBeVisible();

  const seen = new Map<number, string>();
  const loadedStatus = page.getByRole('status').filter({ hasText: 'members loaded' });
  const lastRendered = async () => Math.max(0, ...(await renderedMembers(page)).keys());
  for (let step = 0; step < 400; step++) {
    for (const [index, name] of await renderedMembers(page)) {
      expect(seen.get(index) ?? name, `row ${index} changed its member`).toBe(name);
      seen.set(index, name);
    }
    const status = await loadedStatus.innerText();
    if ((await scrollOneScreen(page)) && status.includes('end of list')) break;
    // Read again only once the scroll has brought new rows (or every loaded row is there): rows scrolled past
    // before they were drawn would never be read.
    const readUpTo = Math.max(...seen.keys());
    await expect
      .poll(async () => {
        const loaded = Number((await loadedStatus.innerText()).replace(/,/g, '').match(/^\d+/)?.[0] ?? 0);
        const last = await lastRendered();
        return last > readUpTo || last >= loaded;
      })
      .toBe(true);
  }

  await expect(page.getByRole('status').filter({ hasText: 'members loaded' })).toHaveText(
    '1,200 members loaded · end of list',
  );
  const inOrder = [...seen.entries()].sort(([a], [b]) => a - b).map(([, name]) => name);
  expect(inOrder).toEqual(expected);
});

test('the 100,000-member thread shows rows at once and keeps few rows in the DOM while scrolling far', async ({
  page,
}) => {
  await page.goto(`/threads/${DEMO_THREADS.huge}`);
  await expect(memberGrid(page).getByRole('row', { name: /moderator/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'loaded' })).toContainText('of 100,000');

  let mostRows = 0;
  for (let step = 0; step < 60; step++) {
    await scrollOneScreen(page, 2_000);
    await page.waitForTimeout(50);
    mostRows = Math.max(mostRows, (await renderedMembers(page)).size);
  }
  const farthest = Math.max(...(await renderedMembers(page)).keys());
  expect(farthest).toBeGreaterThan(2_000);
  expect(mostRows).toBeLessThan(80);
});

test('the grid is reachable and movable by keyboard', async ({ page }) => {
  await page.goto(`/threads/${DEMO_THREADS.small}`);
  const grid = memberGrid(page);
  await expect(grid.getByRole('row').first()).toBeVisible();
  await grid.focus();
  await expect(grid).toBeFocused();
  const activeName = () =>
    grid.evaluate((element) => {
      const id = element.getAttribute('aria-activedescendant');
      return id ? document.getElementById(id)?.textContent : null;
    });
  // The active row is rendered a frame after the key moves to it, out of sight at the end of a long thread.
  await expect.poll(activeName).toBe('moderator');
  const members = await threadMembers(DEMO_THREADS.small);
  await page.keyboard.press('ArrowDown');
  await expect.poll(activeName).toBe(members[1]);
  await page.keyboard.press('End');
  await expect.poll(activeName).toBe(members.at(-1));
  await page.keyboard.press('Home');
  await expect.poll(activeName).toBe('moderator');
});

test('the first Tab offers a skip link that puts focus on the member grid', async ({ page }) => {
  await page.goto(`/threads/${DEMO_THREADS.small}`);
  await expect(memberGrid(page).getByRole('row').first()).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to members' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(memberGrid(page)).toBeFocused();
});

test('a thread named with markup shows the markup as text', async ({ page }) => {
  page.on('dialog', () => {
    throw new Error('A thread name ran as script');
  });
  await page.goto(`/threads/${DEMO_THREADS.markup}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO_MARKUP_THREAD_NAME);
  await expect(page.locator('main img')).toHaveCount(0);

  await page.goto('/threads');
  const link = page.getByRole('link', { name: DEMO_MARKUP_THREAD_NAME });
  const list = page.getByRole('list', { name: 'Threads' });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  for (let step = 0; step < 100 && !(await link.isVisible()); step++) {
    await list.evaluate((element) => element.parentElement?.scrollBy(0, 400));
    await page.waitForTimeout(100);
  }
  await expect(link).toBeVisible();
});

test('the Thread ID box refuses letters and signs before asking the Chat API', async ({ page }) => {
  await page.goto('/threads');
  // The page comes drawn by the server; its script takes over the box only once hydrated, and the top bar's
  // Operations button is mounted only after that.
  await expect(page.getByRole('button', { name: /^Operations/ })).toBeVisible();
  const entries = ['abc', '18000-0001', '+180000000100002'];
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = decodeURIComponent(request.url());
    if (entries.some((entry) => url.includes(`/thread/${entry}`))) asked.push(url);
  });
  const threadId = page.getByRole('textbox', { name: 'Thread ID' });
  for (const entry of entries) {
    await threadId.fill(entry);
    await threadId.press('Enter');
    await expect(page.getByRole('alert')).toHaveText(
      `“${entry}” is not a thread ID: a thread ID is digits only (at most 64), the number shown for the thread in the Chat console, e.g. 180000000100002.`,
    );
    await expect(threadId).toHaveValue(entry);
  }
  await expect(page).toHaveURL('/threads');
  expect(asked).toEqual([]);
});

test('a thread that does not exist says so and offers the way back', async ({ page }) => {
  await page.goto('/threads/999999999999998');
  await expect(page.getByText('This thread does not exist')).toBeVisible();
  // Digits may also be a username: the way to that user's page is offered too.
  await expect(page.getByRole('link', { name: 'Open their threads' })).toHaveAttribute(
    'href',
    '/users/999999999999998',
  );
  await page.getByRole('link', { name: 'Back to threads' }).click();
  await expect(page).toHaveURL('/threads');
});

test('an address whose id is not a thread id says so, offers the way back and no member actions', async ({
  page,
}) => {
  for (const id of [encodeURIComponent('<script>alert(1)</script>'), '9'.repeat(300), 'announcements']) {
    await page.goto(`/threads/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not a thread ID');
    await expect(page.getByRole('alert')).toContainText('is not a thread ID: a thread ID is digits only');
    await expect(page.getByRole('button', { name: 'Add members' })).toHaveCount(0);
    await expect(page.getByRole('grid', { name: 'Members' })).toHaveCount(0);
    await expect(page.getByText('does not forward')).toHaveCount(0);
    // Nothing runs off the side of the page, however long the id.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  }
  await page.getByRole('link', { name: 'Back to threads' }).click();
  await expect(page).toHaveURL('/threads');
});

test('a page size in the address that cannot be used is taken out of it, with a notice', async ({ page }) => {
  for (const limit of ['0', '51', 'abc']) {
    await page.goto(`/threads/${DEMO_THREADS.large}?q=user&limit=${limit}`);
    await expect(page.getByRole('status').filter({ hasText: 'The page size in the address' })).toHaveText(
      `The page size in the address (“${limit}”) is not a whole number from 1 to 50; the address now shows 50 members a page.`,
    );
    await expect(page).toHaveURL(`/threads/${DEMO_THREADS.large}?q=user`);
  }
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The page size in the address' })).toHaveCount(0);
});

test('failures of the Chat API are retried, then shown with Retry; a failed next page keeps the rows', async ({
  page,
}) => {
  // Two transient failures: the fetch layer's retries absorb them.
  await setFaults({ script: ['before-503', 'before-500'] });
  await page.goto(`/threads/${DEMO_THREADS.small}`);
  await expect(memberGrid(page).getByRole('row', { name: /moderator/ })).toBeVisible();

  // A lasting outage: after its retries the page says what failed and offers Retry.
  await setFaults({ faultRate: 1 });
  await page.goto(`/threads/${DEMO_THREADS.large}`);
  await expect(page.getByText('Could not load the members of this thread')).toBeVisible({ timeout: 15_000 });
  await clearFaults();
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(memberGrid(page).getByRole('row', { name: /moderator/ })).toBeVisible();

  // The next page fails: the rows already shown stay, and Retry continues.
  await page.goto(`/threads/${DEMO_THREADS.large}?limit=20`);
  await expect(memberGrid(page).getByRole('row', { name: /moderator/ })).toBeVisible();
  await setFaults({ faultRate: 1 });
  for (let i = 0; i < 20 && !(await page.getByText('Could not load more members').isVisible()); i++) {
    await scrollOneScreen(page);
    await page.waitForTimeout(300);
  }
  await expect(page.getByText('Could not load more members')).toBeVisible({ timeout: 15_000 });
  expect((await renderedMembers(page)).size).toBeGreaterThan(0);
  await clearFaults();
  await memberGrid(page).getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByText('Could not load more members')).toBeHidden();
});

test('a deep link restores the thread, page size and filter after a reload', async ({ page }) => {
  await page.goto(`/threads/${DEMO_THREADS.large}`);
  await page.getByRole('textbox', { name: 'Page size' }).fill('20');
  await page.getByRole('textbox', { name: 'Page size' }).press('Enter');
  await page.getByRole('searchbox', { name: 'Filter members' }).fill('moderator');
  await expect(page).toHaveURL(/limit=20/);
  await expect(page).toHaveURL(/q=moderator/);
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toContainText('1 of');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Community help desk');
  await expect(page.getByRole('textbox', { name: 'Page size' })).toHaveValue('20');
  await expect(page.getByRole('searchbox', { name: 'Filter members' })).toHaveValue('moderator');
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toContainText('1 of');
});

test('typing in the filter keeps what was typed and where the caret is', async ({ page }) => {
  await page.goto(`/threads/${DEMO_THREADS.large}`);
  const filter = page.getByRole('searchbox', { name: 'Filter members' });
  await filter.pressSequentially('modrator');
  for (let i = 0; i < 5; i++) await filter.press('ArrowLeft');
  await filter.pressSequentially('e');
  await expect(filter).toHaveValue('moderator');
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toContainText('1 of');
});

// Written on every run, so that the README shows the page as it is. It is taken into the run's own folder and
// then moved into place in one step, so that a run beside this one never reads or writes half a picture.
test('the README screenshot of the members page', async ({ page }, testInfo) => {
  const file = 'docs/members-page.png';
  const taken = testInfo.outputPath('members-page.png');
  mkdirSync('docs', { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/threads/${DEMO_THREADS.large}`);
  await expect(page.getByRole('status').filter({ hasText: 'members loaded' })).toContainText('of 1,200');
  // The parts that load on demand, so that the picture shows the whole page.
  await expect(page.getByRole('searchbox', { name: 'Open thread or user' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Is this user a member?' })).toBeVisible();
  await page.screenshot({ path: taken });
  renameSync(taken, file);
});
