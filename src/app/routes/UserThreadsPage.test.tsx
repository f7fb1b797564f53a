// @vitest-environment jsdom
// The user page with a group id in the address that is not one; a valid group is in e2e/users.spec.ts.
import { cleanup, screen } from '@testing-library/react';
import { Route } from 'react-router';
import { afterEach, expect, it } from 'vitest';
import { createDashboardHarness, type DashboardHarness } from '../../test/dashboard-harness.ts';
import { renderAt } from '../../test/render-at.tsx';
import { UserThreadsPage } from './UserThreadsPage.tsx';

let harness: DashboardHarness;

afterEach(() => {
  cleanup();
  harness.close();
});

it('says that a group id in the address is not valid, asks nothing, and never suggests the user may not exist', async () => {
  harness = createDashboardHarness();
  renderAt(
    harness,
    '/users/spammer?group=abc',
    <Route path="/users/:username" element={<UserThreadsPage />} />,
  );
  expect((await screen.findByRole('alert')).textContent).toContain(
    'The group ID in the address is not valid, so no threads were looked up',
  );
  expect(screen.queryByText(/No such user|does not exist/)).toBeNull();
  expect(harness.calls('/threads/')).toBe(0);
});
