// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { testAccounts, type TestAccounts } from '../../../server/auth-test-support.ts';
import { AppProviders } from '../../app/AppProviders.tsx';
import { createQueryClient } from '../../app/query-client.ts';
import { createDashboardHarness, type DashboardHarness } from '../../test/dashboard-harness.ts';
import { SessionGate } from './SessionGate.tsx';

let accounts: TestAccounts;
let harness: DashboardHarness;

beforeAll(async () => {
  accounts = await testAccounts([{ name: 'ann', role: 'moderator', password: 'ann-has-a-long-password' }]);
});
afterEach(() => {
  cleanup();
  harness.close();
});
afterAll(() => accounts.remove());

it('brings back the sign-in page when the session ends mid-work', async () => {
  harness = createDashboardHarness(
    {},
    { auth: { mode: 'password', usersFile: accounts.usersFile, sessionHours: 12 } },
  );
  const queryClient = createQueryClient();
  // Signed in earlier; the server has since forgotten the session (expiry, a new password, a restart).
  queryClient.setQueryData(['session'], {
    backend: { kind: 'emulator', label: 'Emulator' },
    auth: 'password',
    user: { name: 'ann', role: 'moderator' },
  });
  render(
    <AppProviders api={harness.api} queryClient={queryClient}>
      <SessionGate>
        <p>the dashboard</p>
      </SessionGate>
    </AppProviders>,
  );
  expect(screen.getByText('the dashboard')).toBeDefined();

  await queryClient.invalidateQueries({ queryKey: ['session'] });
  expect(await screen.findByRole('form', { name: 'Sign in' })).toBeDefined();
  expect(screen.queryByText('the dashboard')).toBeNull();
});
