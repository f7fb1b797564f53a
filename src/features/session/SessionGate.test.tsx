// @vitest-environment jsdom
import { writeFile } from 'node:fs/promises';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
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

it('says sign-in is unavailable, and whom to ask, when the server cannot read its accounts file', async () => {
  const broken = await testAccounts([]);
  await writeFile(broken.usersFile, '{ "accounts": [');
  harness = createDashboardHarness(
    {},
    { auth: { mode: 'password', usersFile: broken.usersFile, sessionHours: 12 } },
  );
  render(
    <AppProviders api={harness.api} queryClient={createQueryClient()}>
      <SessionGate>
        <p>the dashboard</p>
      </SessionGate>
    </AppProviders>,
  );
  const form = await screen.findByRole('form', { name: 'Sign in' });
  fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'ann' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'ann-has-a-long-password' } });
  fireEvent.submit(form);
  expect((await screen.findByRole('alert')).textContent).toMatch(
    /^Sign-in is unavailable: .* Ask its administrator to check USERS_FILE/,
  );
  await broken.remove();
});
