// The dashboard's server entry, built by `vite build --ssr` to dist/server/: renders a page's first screen with
// the same components the browser then hydrates. The server loads it only through `render` (architecture rule 1).
import { CacheProvider } from '@emotion/react';
import { dehydrate } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { StaticRouter } from 'react-router';
import { text } from 'node:stream/consumers';
import { createApiClient } from './api/http.ts';
import { AppProviders } from './app/AppProviders.tsx';
import { AppRoutes } from './app/AppRoutes.tsx';
import { createRequestStyleCache, criticalStyleElements } from './app/critical-css.ts';
import { loadFirstScreenQueries } from './app/first-page.ts';
import { serializeFirstScreenData } from './app/first-screen-data.ts';
import { createQueryClient } from './app/query-client.ts';
import type { RenderFirstScreen } from './lib/first-screen.ts';
import { isPageSizeParam } from './lib/members-page-address.ts';

/** Requests never leave the process (fetchApi answers them), so the origin only has to be a valid URL. */
const IN_PROCESS_API = 'http://first-screen.invalid/api';

export const render: RenderFirstScreen = async ({ url, colorMode, fetchApi }) => {
  const address = new URL(url, 'http://first-screen.invalid');
  // An unusable page size is taken out of the address by the browser, with a notice it can close: left to it.
  const limit = address.searchParams.get('limit');
  if (limit !== null && !isPageSizeParam(limit)) return null;
  // No retries: a failed query is left out and the browser asks again, with its own retries.
  const api = createApiClient({
    baseUrl: IN_PROCESS_API,
    fetch: (input, init) => fetchApi(new Request(input, init)),
    retryLimit: 0,
  });
  const queryClient = createQueryClient();
  await loadFirstScreenQueries(queryClient, api, address);
  // Who is signed in decides the whole page (the sign-in page, a refusal): without it the browser decides.
  if (queryClient.getQueryState(['session'])?.status !== 'success') return null;
  // Only answers go in the page: a failure is drawn as still loading on both sides, and the browser asks again.
  queryClient.removeQueries({ predicate: (query) => query.state.status !== 'success' });

  const styles = createRequestStyleCache();
  // An error inside a Suspense boundary leaves it for the browser to render, which its hydration reports as a
  // failure: the whole page is better rendered by the browser then, and the server logs why.
  const failures: unknown[] = [];
  const { prelude } = await prerenderToNodeStream(
    <StrictMode>
      <CacheProvider value={styles}>
        <AppProviders api={api} queryClient={queryClient} renderedColorMode={colorMode}>
          <StaticRouter location={url}>
            <AppRoutes />
          </StaticRouter>
        </AppProviders>
      </CacheProvider>
    </StrictMode>,
    // Never outline a large boundary to be revealed by an inline script: the page's CSP runs none.
    { progressiveChunkSize: Number.MAX_SAFE_INTEGER, onError: (error) => void failures.push(error) },
  );
  if (failures.length > 0) throw failures[0];
  const root = await text(prelude);
  const data = serializeFirstScreenData({ colorMode, queries: dehydrate(queryClient) });
  queryClient.clear();
  return { head: criticalStyleElements(styles, root), root, data };
};
