// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { DEMO_THREADS, DEMO_USERS } from '../../../emulator/demo-data.ts';
import { addThreadMembers, removeThreadMembers } from '../../api/thread-member-changes.ts';
import { createDashboardHarness, type DashboardHarness } from '../../test/dashboard-harness.ts';
import { stubLayoutObservers } from '../../test/layout-observers.ts';
import { renderAt } from '../../test/render-at.tsx';
import { ActivityPage } from './ActivityPage.tsx';

let harness: DashboardHarness;

// Nothing ever intersects without layout: the page's button loads older entries here.
beforeAll(stubLayoutObservers);

afterEach(() => {
  cleanup();
  harness.close();
});

const renderActivity = (address = '/activity') =>
  renderAt(harness, address, <Route path="/activity" element={<ActivityPage />} />);

const thread = DEMO_THREADS.small;

it('says when nothing has been changed yet', async () => {
  harness = createDashboardHarness();
  renderActivity();
  expect(await screen.findByText(/Nobody has added or removed members yet/)).toBeTruthy();
  expect(screen.getByRole('status').textContent).toBe('0 entries loaded · end of the log');
});

it('lists entries newest first, links to the thread and shows each user on demand', async () => {
  harness = createDashboardHarness();
  await addThreadMembers(harness.api, thread, [DEMO_USERS.lurker], { operationId: 'op-1' });
  await removeThreadMembers(harness.api, thread, [DEMO_USERS.lurker, DEMO_USERS.outsider]);
  renderActivity();
  const list = await screen.findByRole('list', { name: 'Activity' });
  const items = within(list).getAllByRole('listitem');
  expect(items.map((item) => item.getAttribute('aria-label'))).toEqual([
    `local (moderator) removed members from thread ${thread}`,
    `local (moderator) added lurker to thread ${thread}`,
  ]);
  const [removal] = items;
  if (removal === undefined) throw new Error('no entry');
  expect(within(removal).getByText(/1 removed · 1 not a member/)).toBeTruthy();
  expect(within(removal).getByRole('link', { name: thread }).getAttribute('href')).toBe(`/threads/${thread}`);

  fireEvent.click(within(removal).getByRole('button', { name: /^Show users/ }));
  const table = await within(removal).findByRole('table');
  const rows = within(table).getAllByRole('row').slice(1);
  expect(
    rows.map((row) =>
      within(row)
        .getAllByRole('cell')
        .slice(0, 3)
        .map((cell) => cell.textContent),
    ),
  ).toEqual([
    [DEMO_USERS.lurker, 'removed', '200'],
    [DEMO_USERS.outsider, 'not a member', '200'],
  ]);
  expect(
    within(removal)
      .getByRole('button', { name: /^Hide users/ })
      .getAttribute('aria-expanded'),
  ).toBe('true');
});

it('shows an operation across threads as one entry, with the thread of each user', async () => {
  harness = createDashboardHarness();
  const operation = { operationId: 'everywhere' };
  await removeThreadMembers(harness.api, DEMO_THREADS.large, [DEMO_USERS.spammer], operation);
  await removeThreadMembers(harness.api, thread, [DEMO_USERS.spammer], operation);
  renderActivity();
  const entry = await screen.findByRole('listitem', {
    name: 'local (moderator) removed spammer from 2 threads',
  });
  expect(screen.getByRole('status').textContent).toBe('1 entry loaded · end of the log');
  fireEvent.click(within(entry).getByRole('button', { name: /^Show users/ }));
  const table = await within(entry).findByRole('table');
  const rows = within(table).getAllByRole('row').slice(1);
  expect(
    rows.map((row) => [
      within(row).getByRole('link').textContent,
      within(row).getAllByRole('cell')[1]?.textContent,
    ]),
  ).toEqual([
    [DEMO_THREADS.large, DEMO_USERS.spammer],
    [thread, DEMO_USERS.spammer],
  ]);

  // Filtered by one thread, the entry names that thread, and its users still say which thread is whose.
  cleanup();
  renderActivity(`/activity?thread=${thread}`);
  const filtered = await screen.findByRole('listitem', {
    name: `local (moderator) removed spammer from thread ${thread}`,
  });
  fireEvent.click(within(filtered).getByRole('button', { name: /^Show users/ }));
  const all = await within(filtered).findByRole('table');
  expect(
    within(all)
      .getAllByRole('link')
      .map((link) => link.textContent),
  ).toEqual([DEMO_THREADS.large, thread]);
});

it('applies the filters in the address and fills the fields with them', async () => {
  harness = createDashboardHarness();
  await addThreadMembers(harness.api, thread, [DEMO_USERS.lurker]);
  await addThreadMembers(harness.api, DEMO_THREADS.large, [DEMO_USERS.lurker]);
  renderActivity(`/activity?thread=${DEMO_THREADS.large}`);
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 entry loaded · end of the log'));
  expect(screen.getByRole('textbox', { name: 'Thread ID' })).toHaveProperty('value', DEMO_THREADS.large);

  fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
  await waitFor(() =>
    expect(screen.getByRole('status').textContent).toBe('2 entries loaded · end of the log'),
  );
});

it('says which filter is wrong when the server refuses it', async () => {
  harness = createDashboardHarness();
  renderActivity('/activity?from=not-a-time');
  expect(await screen.findByText(/"from" must be a date and time/)).toBeTruthy();
});
