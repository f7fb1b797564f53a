// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { DEMO_THREADS } from '../../../emulator/demo-data.ts';
import { AppProviders } from '../../app/AppProviders.tsx';
import { createQueryClient } from '../../app/query-client.ts';
import { createDashboardHarness, type DashboardHarness } from '../../test/dashboard-harness.ts';
import { stubLayoutObservers } from '../../test/layout-observers.ts';
import { followSettledItems } from './member-changes.ts';
import { MemberList } from './MemberList.tsx';

let harness: DashboardHarness;

beforeAll(stubLayoutObservers);

afterEach(() => {
  cleanup();
  harness.close();
});

function renderMembers(threadId: string, filter = '', queryClient = createQueryClient()) {
  return render(
    <AppProviders api={harness.api} queryClient={queryClient}>
      <MemberList
        threadId={threadId}
        pageSize={50}
        filter={filter}
        onFilterChange={() => undefined}
        onPageSizeChange={() => undefined}
        totalMembers={undefined}
        threadName="Test thread"
        notFound={<p>no such thread</p>}
      />
    </AppProviders>,
  );
}

it('aborts the page request when the list unmounts', async () => {
  harness = createDashboardHarness({ latency: { minMs: 300, maxMs: 300 } });
  const view = renderMembers(DEMO_THREADS.large);
  await waitFor(() => expect(harness.exchanges).toHaveLength(1));
  view.unmount();
  expect(harness.exchanges[0]?.signal.aborted).toBe(true);
  // Let the emulator finish its delayed handling before its database closes.
  await new Promise((resolve) => setTimeout(resolve, 350));
});

it('filters the loaded members and counts the matches', async () => {
  harness = createDashboardHarness();
  renderMembers(DEMO_THREADS.small, 'ALI');
  const status = await screen.findByText(/loaded members match “ALI”/);
  expect(status.textContent).toBe('1 of 40 loaded members match “ALI” · all members loaded');
  expect(screen.getByRole('row', { name: /alice/ })).toBeDefined();
  expect(screen.queryByRole('row', { name: /moderator/ })).toBeNull();
});

it('shows that a thread does not exist', async () => {
  harness = createDashboardHarness();
  renderMembers('999999999999999');
  expect(await screen.findByText('no such thread')).toBeDefined();
});

it('drops from the selection members who leave the list, whatever removed them', async () => {
  harness = createDashboardHarness();
  const queryClient = createQueryClient();
  renderMembers(DEMO_THREADS.small, '', queryClient);
  await screen.findByText(/40 members loaded/);
  fireEvent.click(screen.getByRole('checkbox', { name: /Select all loaded members/ }));
  expect(screen.getByRole('button', { name: 'Remove selected (40)' })).toBeDefined();

  followSettledItems(queryClient, {
    id: 'op1',
    kind: 'remove',
    items: ['alice', 'bob'].map((username) => ({
      threadId: DEMO_THREADS.small,
      username,
      status: 'removed' as const,
      reason: null,
    })),
  });
  expect(await screen.findByRole('button', { name: 'Remove selected (38)' })).toBeDefined();
  expect(screen.queryByRole('row', { name: /alice/ })).toBeNull();
});
