import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createApiClient } from './api/http.ts';
import { AppProviders } from './app/AppProviders.tsx';
import { AppRoutes } from './app/AppRoutes.tsx';
import { prefetchFirstPage } from './app/first-page.ts';
import { createQueryClient } from './app/query-client.ts';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element.');

const api = createApiClient({ baseUrl: '/api' });
const queryClient = createQueryClient();
await prefetchFirstPage(queryClient, api, window.location);

createRoot(rootElement).render(
  <StrictMode>
    <AppProviders api={api} queryClient={queryClient}>
      {/* Router updates outside transitions, so inputs bound to the URL (the filter) keep their caret. */}
      <BrowserRouter useTransitions={false}>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  </StrictMode>,
);
