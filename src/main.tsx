import { hydrate } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createApiClient } from './api/http.ts';
import { AppProviders } from './app/AppProviders.tsx';
import { AppRoutes } from './app/AppRoutes.tsx';
import { currentColorMode, rememberColorModeForServer } from './app/color-mode.ts';
import { prefetchFirstPage } from './app/first-page.ts';
import { readFirstScreenData } from './app/first-screen-data.ts';
import { createQueryClient } from './app/query-client.ts';
import { FIRST_SCREEN_DATA_ID } from './lib/first-screen.ts';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element.');

const api = createApiClient({ baseUrl: '/api' });
const queryClient = createQueryClient();
// A page the server rendered carries the data it was drawn from: the cache starts from it, once.
const firstScreen = readFirstScreenData(document.getElementById(FIRST_SCREEN_DATA_ID));
if (firstScreen) hydrate(queryClient, firstScreen.queries);
else await prefetchFirstPage(queryClient, api, window.location);

const app = (
  <StrictMode>
    <AppProviders api={api} queryClient={queryClient} renderedColorMode={firstScreen?.colorMode ?? 'light'}>
      {/* Router updates outside transitions, so inputs bound to the URL (the filter) keep their caret. */}
      <BrowserRouter useTransitions={false}>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  </StrictMode>
);
// Hydrated only when drawn in the mode the page shows: a first visit in a dark system, before the browser has
// said so, is drawn light, and parts of it still loading would keep the light styles; it is drawn anew instead.
if (firstScreen && firstScreen.colorMode === currentColorMode()) hydrateRoot(rootElement, app);
else createRoot(rootElement).render(app);
rememberColorModeForServer();
