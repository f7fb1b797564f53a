// A server killed in the middle of an add (SIGKILL: no goodbye) and started again on the same data: the
// operation resumes by itself and the page that started it sees it finish, exact.
import { rm } from 'node:fs/promises';
import { DEMO_THREAD_NAMES, DEMO_THREADS, demoUsername } from '../emulator/demo-data.ts';
import { startDashboardProcess, type DashboardProcess } from './dashboard-process.ts';
import { resetDemoData, threadMembers } from './emulator-control.ts';
import { paste } from './paste.ts';
import { E2E_RESTART_DATA_DIR as DATA_DIR, E2E_RESTART_PORT } from './ports.ts';
import { expect, test } from './token-scan.ts';

const start = () =>
  startDashboardProcess({
    port: E2E_RESTART_PORT,
    dataDir: DATA_DIR,
    // 80 calls at 20 a second: four seconds, long enough to be cut in the middle.
    env: { AUTH_MODE: 'none', CHAT_CALLS_PER_SECOND: '20' },
  });

let server: DashboardProcess | null = null;
test.beforeEach(async () => {
  await resetDemoData();
  await rm(DATA_DIR, { recursive: true, force: true });
});
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

test('an add cut by a killed server finishes after its restart, and the page sees it', async ({ page }) => {
  const users = Array.from({ length: 800 }, (_, i) => demoUsername(130_001 + i));
  server = await start();
  await page.goto(`${server.url}/threads/${DEMO_THREADS.empty}`);
  await page.getByRole('button', { name: 'Add members' }).click();
  await paste(page.getByRole('textbox', { name: 'Usernames' }), users.join('\n'));
  await page.getByRole('button', { name: 'Add 800 members' }).click();
  const shown = page.getByRole('dialog', { name: `Add 800 members to ${DEMO_THREAD_NAMES.empty}` });
  await expect(shown).toContainText(/Added [1-9]/);

  await server.stop('SIGKILL');
  server = await start();
  // The page's event stream reconnects by itself; nobody reloads.
  await expect(shown).toContainText('Added 800 · refused 0 · failed 0 · not sent 0', { timeout: 60_000 });
  expect((await threadMembers(DEMO_THREADS.empty)).sort()).toEqual(users.sort());
});
