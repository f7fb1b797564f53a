import { readFile } from 'node:fs/promises';
import { DEMO_APP_CERTIFICATE } from '../emulator/emulator.ts';
import { DEMO_THREADS, DEMO_USERS } from '../emulator/demo-data.ts';
import { appTokenLeaks } from '../src/lib/app-token-leaks.ts';
import { accessibilityViolations } from './axe.ts';
import type { DashboardProcess } from './dashboard-process.ts';
import { startPasswordServer, PASSWORD_SERVER_URL } from './password-server.ts';
import { expect, test } from './token-scan.ts';
import type { Page } from '@playwright/test';

const ann = { name: 'ann', role: 'moderator', password: 'ann-signs-in-with-this' } as const;
const vic = { name: 'vic', role: 'viewer', password: 'vic-signs-in-with-this' } as const;

let server: DashboardProcess;
test.beforeAll(async () => {
  server = await startPasswordServer([ann, vic]);
});
test.afterAll(async () => {
  await server.stop();
  // This server's log is not in the suite server's log file: scan it here.
  const lines = server.output.map((line, i) => [`password server output ${i + 1}`, line] as const);
  expect(lines.some(([, line]) => line.includes('"msg":"signed in"'))).toBe(true);
  expect(appTokenLeaks(lines, [DEMO_APP_CERTIFICATE])).toEqual([]);
});

test.use({ baseURL: PASSWORD_SERVER_URL });

async function signIn(page: Page, name: string, password: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByRole('textbox', { name: 'Name' }).fill(name);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

test('a moderator signs in, sees who is signed in and may change members, and signs out', async ({
  page,
}) => {
  await page.goto(`/threads/${DEMO_THREADS.small}`);
  await expect(page.getByRole('heading', { name: 'Sign in to Thread Members Admin' })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);

  await signIn(page, ann.name, 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('Wrong name or password. Check both and try again.');

  await signIn(page, ann.name, ann.password);
  await expect(page.getByText('Signed in as ann · moderator')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add members' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove by list' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Thread Members Admin' })).toBeVisible();
  // The session is gone on the server, not only in this page.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in to Thread Members Admin' })).toBeVisible();
  // Asked from the page, so that the token scan reads the answer too.
  expect(await page.evaluate(async () => (await fetch('/api/session')).status)).toBe(401);
});

test('a viewer browses and exports but is offered no change, and the server refuses one anyway', async ({
  page,
}) => {
  await page.goto('/threads');
  await signIn(page, vic.name, vic.password);
  await expect(page.getByText('Signed in as vic · viewer')).toBeVisible();
  await page.goto(`/threads/${DEMO_THREADS.small}`);
  await expect(page.getByRole('status').filter({ hasText: 'members loaded' })).toHaveText(
    '40 members loaded · end of list',
  );
  await expect(page.getByText('You are signed in as a viewer')).toBeVisible();
  for (const name of ['Add members', /^Remove selected/, 'Remove by list']) {
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  }
  // An export is a read: the viewer starts one on the server, and its file downloads when it is done.
  await page.getByRole('button', { name: 'Export members' }).click();
  const downloading = page.waitForEvent('download');
  await page
    .getByRole('dialog', { name: 'Export the members of Moderators lounge' })
    .getByRole('button', { name: 'Start export' })
    .click();
  const lines = (await readFile(await (await downloading).path(), 'utf8')).trimEnd().split('\r\n');
  expect(lines[0]).toBe('\uFEFFusername');
  expect(lines).toHaveLength(41);
  // A user's threads: listed, with nothing to select or remove.
  await page.goto(`/users/${DEMO_USERS.spammer}`);
  await expect(page.getByRole('status').filter({ hasText: 'threads loaded' })).toContainText('50 threads');
  await expect(page.getByRole('button', { name: /^Remove from/ })).toHaveCount(0);
  await expect(page.getByRole('checkbox')).toHaveCount(0);

  // What the page does not offer, the server still refuses: sent from the page, with the viewer's cookie.
  const forced = await page.evaluate(
    async ({ path, username }) => {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ usernames: [username] }),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    },
    { path: `/api/chat/thread/${DEMO_THREADS.small}/users`, username: DEMO_USERS.lurker },
  );
  expect(forced).toMatchObject({ status: 403, body: { error: 'forbidden_role' } });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeVisible();
});

test('the server renders a thread page with data only for someone signed in, and as their role allows', async ({
  page,
}) => {
  const threadPage = `/threads/${DEMO_THREADS.small}`;
  // Read in the page, so the token scan sees the HTML too.
  const html = () => page.evaluate(async (path) => (await fetch(path)).text(), threadPage);
  await page.goto(threadPage);
  await expect(page.getByRole('heading', { name: 'Sign in to Thread Members Admin' })).toBeVisible();
  const signedOut = await html();
  expect(signedOut).not.toContain('first-screen-data');
  expect(signedOut).not.toContain('data-username');

  await signIn(page, vic.name, vic.password);
  await expect(page.getByText('You are signed in as a viewer')).toBeVisible();
  const viewer = await html();
  expect(viewer).toContain('You are signed in as a viewer');
  expect(viewer).toContain('data-username=');
  expect(viewer).not.toContain('Add members');
});
