// One bulk add and one export against the least forgiving answers the public sources allow: outsiders
// refused with a 404 that names them, a repeated join refused, offset cursors, and realistic latency.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './token-scan.ts';
import { DEFAULT_API_VARIANTS } from '../emulator/api-variants.ts';
import { DEMO_THREADS, DEMO_USERS, demoUsername } from '../emulator/demo-data.ts';
import { clearFaults, resetDemoData, setFaults, threadMembers } from './emulator-control.ts';
import { memberGrid } from './member-grid.ts';
import { paste } from './paste.ts';

test.beforeEach(async () => {
  await resetDemoData();
  await setFaults({
    variants: { addOutsider: 'not-in-group', addMember: 'error', cursor: 'offset' },
    latency: 'realistic',
  });
});
test.afterEach(async () => {
  await clearFaults();
  await setFaults({ variants: DEFAULT_API_VARIANTS });
});

async function openThread(page: Page, threadId: string): Promise<void> {
  await page.goto(`/threads/${threadId}`);
  await expect(memberGrid(page).getByRole('row').first()).toBeVisible();
}

test('a bulk add refuses the outsider by name, knows the member, and adds the rest', async ({ page }) => {
  const [, member = ''] = await threadMembers(DEMO_THREADS.small);
  const newcomers = [demoUsername(140_001), demoUsername(140_002)];
  await openThread(page, DEMO_THREADS.small);
  await page.getByRole('button', { name: 'Add members' }).click();
  const dialog = page.getByRole('dialog', { name: /Add members to/ });
  await paste(
    dialog.getByRole('textbox', { name: 'Usernames' }),
    [DEMO_USERS.outsider, member, ...newcomers].join('\n'),
  );
  await dialog.getByRole('button', { name: /^Add \d+ members?$/ }).click();

  const shown = page.getByRole('dialog', { name: /^Add \d+ members? to Moderators lounge$/ });
  await expect(shown.getByRole('status').filter({ hasText: 'users done' })).toContainText(/^Finished/, {
    timeout: 30_000,
  });
  await expect(shown).toContainText('Added 2 · refused 1 · already members 1 · failed 0 · not sent 0');
  const results = shown.getByRole('list', { name: 'Results' });
  await expect(
    results.getByRole('listitem').filter({ hasText: new RegExp(`^${DEMO_USERS.outsider}`) }),
  ).toContainText(`refused: user not in group. [${DEMO_USERS.outsider}]`);
  const members = await threadMembers(DEMO_THREADS.small);
  expect(members.slice(-2).sort()).toEqual(newcomers);
  expect(members).not.toContain(DEMO_USERS.outsider);
});

test('an export under offset cursors lists every member once while another operation removes some', async ({
  page,
}) => {
  const leaving = (await threadMembers(DEMO_THREADS.large)).filter((_, i) => i % 10 === 3).slice(0, 20);
  await openThread(page, DEMO_THREADS.large);
  await page.getByRole('button', { name: 'Export members' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the members of Community help desk' });
  await dialog.getByLabel('Plain text (one username per line)').check();
  const downloading = page.waitForEvent('download', { timeout: 90_000 });
  await dialog.getByRole('button', { name: 'Start export' }).click();
  const status = page
    .getByRole('dialog', { name: 'Export the members of Community help desk' })
    .getByRole('status', { name: 'Export status' });
  await expect(status).toContainText(/Read [1-9][\d,]* members/, { timeout: 30_000 });
  // Another moderator's removal, from this session's cookie, while the export reads the pages.
  const removal = await page.evaluate(
    async ({ threadId, usernames }) => {
      const response = await fetch('/api/operations', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'remove', threadId, usernames }),
      });
      return { status: response.status, body: (await response.json()) as { operation: { id: string } } };
    },
    { threadId: DEMO_THREADS.large, usernames: leaving },
  );
  expect(removal.status).toBe(202);

  // The removal may end before or after the export: either way nobody who stayed is skipped or repeated, and
  // the file holds as many members as the thread counted at the end.
  const lines = (await readFile(await (await downloading).path(), 'utf8')).split('\n').slice(0, -1);
  expect(new Set(lines).size).toBe(lines.length);
  const stayed = (await threadMembers(DEMO_THREADS.large)).filter((name) => !leaving.includes(name));
  expect(stayed).toHaveLength(1_180);
  expect(lines.filter((name) => !leaving.includes(name))).toEqual(stayed);
  await expect(status).toHaveText(
    `All ${lines.length.toLocaleString('en')} members are in the file, as many as the thread counts.`,
  );
  // The removal ends before the next test resets the data.
  const removalState = () =>
    page.evaluate(async (id) => {
      const response = await fetch(`/api/operations/${id}`);
      return ((await response.json()) as { operation: { state: string } }).operation.state;
    }, removal.body.operation.id);
  await expect.poll(removalState, { timeout: 60_000 }).toBe('finished');
});
