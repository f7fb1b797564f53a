// @vitest-environment jsdom
// A thread id the browser submitted before the page's script took over (/threads?threadId=…): opened once the
// script runs, or refused with its reason and kept in the box. Typing into the live form is in e2e/members.spec.ts.
import { cleanup, screen } from '@testing-library/react';
import { Route, useLocation } from 'react-router';
import { afterEach, expect, it } from 'vitest';
import { DEMO_THREADS } from '../../../emulator/demo-data.ts';
import { createDashboardHarness, type DashboardHarness } from '../../test/dashboard-harness.ts';
import { renderAt } from '../../test/render-at.tsx';
import { OpenThreadForm } from './OpenThreadForm.tsx';

let harness: DashboardHarness;

afterEach(() => {
  cleanup();
  harness.close();
});

function Address() {
  const location = useLocation();
  return <output aria-label="Address">{location.pathname + location.search}</output>;
}

const renderThreadsAt = (address: string) =>
  renderAt(
    harness,
    address,
    <>
      <Route path="/threads" element={<OpenThreadForm />} />
      <Route path="/threads/:threadId" element={<p>The thread page</p>} />
    </>,
    <Address />,
  );

it('opens the thread whose id the address brought', async () => {
  harness = createDashboardHarness();
  renderThreadsAt(`/threads?threadId=${DEMO_THREADS.large}`);
  expect(await screen.findByText('The thread page')).toBeTruthy();
  expect(screen.getByRole('status', { name: 'Address' }).textContent).toBe(`/threads/${DEMO_THREADS.large}`);
});

it('says why an id from the address is not one, keeps it in the box, and asks the API nothing', async () => {
  harness = createDashboardHarness();
  renderThreadsAt('/threads?threadId=abc');
  expect((await screen.findByRole('alert')).textContent).toContain('“abc” is not a thread ID');
  expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Thread ID' }).value).toBe('abc');
  // The entry leaves the address, so that a reload does not try it again.
  expect(screen.getByRole('status', { name: 'Address' }).textContent).toBe('/threads');
  expect(harness.calls('/thread/abc')).toBe(0);
});
