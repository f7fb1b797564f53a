import { DEMO_MARKUP_THREAD_NAME, DEMO_THREADS, DEMO_USERS } from '../emulator/demo-data.ts';
import { resetDemoData } from './emulator-control.ts';
import { expect, test } from './token-scan.ts';

test.beforeEach(resetDemoData);

// Security suite: a thread named `<img src=x onerror=alert(1)>` stays text in every view that names it.
// (The thread list is covered in members.spec.ts; the activity page names threads by id only.)
test('a thread named with markup is text in the page, its breadcrumbs, every dialog, the operations list and the user page', async ({
  page,
}) => {
  page.on('dialog', () => {
    throw new Error('A thread name ran as script');
  });
  const noInjectedImage = async () => expect(page.locator('img')).toHaveCount(0);

  await page.goto(`/threads/${DEMO_THREADS.markup}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO_MARKUP_THREAD_NAME);
  await expect(page.getByRole('navigation', { name: 'Breadcrumbs' })).toContainText(DEMO_MARKUP_THREAD_NAME);
  await expect(page).toHaveTitle(/Thread Members Admin/);

  for (const [button, dialogName] of [
    ['Add members', `Add members to ${DEMO_MARKUP_THREAD_NAME}`],
    ['Remove by list', `Remove members from ${DEMO_MARKUP_THREAD_NAME}`],
    ['Export members', `Export the members of ${DEMO_MARKUP_THREAD_NAME}`],
  ] as const) {
    await page.getByRole('button', { name: button }).click();
    const dialog = page.getByRole('dialog', { name: dialogName });
    await expect(dialog.getByRole('heading', { name: dialogName })).toBeVisible();
    await noInjectedImage();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }

  await page.getByRole('button', { name: 'Add members' }).click();
  const adding = page.getByRole('dialog', { name: `Add members to ${DEMO_MARKUP_THREAD_NAME}` });
  await adding.getByRole('textbox', { name: 'Usernames' }).fill(DEMO_USERS.lurker);
  await adding.getByRole('button', { name: 'Add 1 member' }).click();
  const added = page.getByRole('dialog', { name: `Add ${DEMO_USERS.lurker} to ${DEMO_MARKUP_THREAD_NAME}` });
  await expect(added).toContainText('Added 1');
  await noInjectedImage();
  await added.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: /^Operations/ }).click();
  await expect(page.getByRole('dialog')).toContainText(DEMO_MARKUP_THREAD_NAME);
  await noInjectedImage();
  await page.keyboard.press('Escape');

  // The user's page lists the thread, and removing them from it names it in the confirmation and results.
  await page.goto(`/users/${DEMO_USERS.lurker}`);
  const threads = page.getByRole('list', { name: `Threads of ${DEMO_USERS.lurker}` });
  await expect(threads).toContainText(DEMO_MARKUP_THREAD_NAME);
  await threads.getByRole('checkbox', { name: `Select ${DEMO_MARKUP_THREAD_NAME}` }).click();
  await page.getByRole('button', { name: 'Remove from selected threads (1)' }).click();
  const removing = page.getByRole('dialog', { name: `Remove ${DEMO_USERS.lurker} from 1 thread` });
  await expect(removing).toContainText(DEMO_MARKUP_THREAD_NAME);
  await noInjectedImage();
  await removing.getByRole('button', { name: 'Remove from 1 thread' }).click();
  await expect(removing).toContainText(`${DEMO_MARKUP_THREAD_NAME} (ID ${DEMO_THREADS.markup})`);
  await noInjectedImage();
});
