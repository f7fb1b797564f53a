// The server renders the members page's first screen: rows in the HTML before any script, hydrated without a
// mismatch, in the colour mode the moderator chose.
import { DEMO_THREADS } from '../emulator/demo-data.ts';
import { holdScripts } from './held-scripts.ts';
import { memberGrid } from './member-grid.ts';
import { expect, test } from './token-scan.ts';

const HUGE = `/threads/${DEMO_THREADS.huge}`;

test('the HTML of a thread page holds its first member rows and their data, without a browser', async ({
  request,
}) => {
  const response = await request.get(HUGE);
  expect(response.status()).toBe(200);
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self';");
  const html = await response.text();
  for (const username of ['moderator', 'user000001', 'user000019']) {
    expect(html).toContain(`data-username="${username}"`);
  }
  expect(html).toContain('aria-label="Thread details"');
  // The data rides in a script element that never runs; no inline script does.
  expect(html).toMatch(/<script type="application\/json" id="first-screen-data">\{/);
  const inlineScripts = (html.match(/<script\b[^>]*>/g) ?? []).filter(
    (tag) => !tag.includes(' src=') && !tag.includes('type="application/json"'),
  );
  expect(inlineScripts).toEqual([]);
});

test('with scripts off, the page already shows the thread and its first members', async ({ browser }) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  await page.goto(HUGE);
  await expect(page.getByRole('heading', { name: 'Announcements', level: 1 })).toBeVisible();
  await expect(memberGrid(page).getByRole('row', { name: /user000001/ })).toBeVisible();
  await context.close();
});

test('a thread id entered before the page is live opens the thread once it is', async ({ page }) => {
  const scripts = await holdScripts(page, '**/assets/*.js');
  await page.goto('/threads', { waitUntil: 'commit' });
  const threadId = page.getByRole('textbox', { name: 'Thread ID' });
  await threadId.fill(DEMO_THREADS.large);
  await threadId.press('Enter');
  // The browser submitted the form itself: the entry is in the address, and in the box of the page it drew.
  await expect(page).toHaveURL(`/threads?threadId=${DEMO_THREADS.large}`);
  await expect(threadId).toHaveValue(DEMO_THREADS.large);
  scripts.release();
  await expect(page).toHaveURL(`/threads/${DEMO_THREADS.large}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Community help desk');
});

test('the page hydrates without a warning, and a dark choice is dark before any script runs', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addCookies([{ name: 'tma_color_mode', value: 'dark', url: baseURL ?? '' }]);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  // Held back until the HTML has been looked at: what shows then is the server's alone.
  const scripts = await holdScripts(page, '**/assets/*.js');
  await page.goto(HUGE, { waitUntil: 'commit' });
  const body = page.locator('body');
  await expect(body).toHaveCSS('background-color', 'rgb(18, 18, 18)');
  await expect(memberGrid(page).getByRole('row', { name: /user000001/ })).toBeVisible();
  scripts.release();
  // Mounted only after hydration and the first paint: the page is live.
  await expect(page.getByRole('textbox', { name: 'Is this user a member?' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  await expect(body).toHaveCSS('background-color', 'rgb(18, 18, 18)');
  expect(problems).toEqual([]);
  await context.close();
});

test('the thread list is rendered on the server too', async ({ request }) => {
  const html = await (await request.get('/threads')).text();
  expect(html).toContain('All threads of the app');
  expect(html).toMatch(/aria-label="Threads"[^>]*>\s*<div[^>]*role="listitem"/);
});

test('the server entry is not served to browsers', async ({ request }) => {
  const response = await request.get('/server/entry-server.js');
  expect(response.status()).toBe(404);
});
