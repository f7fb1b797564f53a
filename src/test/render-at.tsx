// A part of the dashboard rendered at an address, with the providers of the app, over a dashboard harness.
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Routes } from 'react-router';
import { AppProviders } from '../app/AppProviders.tsx';
import { createQueryClient } from '../app/query-client.ts';
import type { DashboardHarness } from './dashboard-harness.ts';

/** `routes`: the Route elements; `beside`: what else the router holds, outside them. */
export function renderAt(harness: DashboardHarness, address: string, routes: ReactNode, beside?: ReactNode) {
  return render(
    <AppProviders api={harness.api} queryClient={createQueryClient()}>
      <MemoryRouter initialEntries={[address]}>
        <Routes>{routes}</Routes>
        {beside}
      </MemoryRouter>
    </AppProviders>,
  );
}
