// The stack reference page (a second baseline beside the floor): the libraries the dashboard is built on,
// React, React Query, react-router, an MUI theme and the dashboard's own ky fetch layer, showing a thread's
// first page of members as plain rows, with the same preload hint the server gives the members page. It shows how
// much of the app's first-row time the stack alone costs; everything above it is the app's own.
import { CssBaseline, ThemeProvider } from '@mui/material';
import { createTheme } from '@mui/material/styles';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { createApiClient } from '../../src/api/http.ts';
import { fetchMemberPage } from '../../src/api/thread-members.ts';
import { DEFAULT_PAGE_SIZE } from '../../src/lib/members-page-address.ts';

const threadId = new URLSearchParams(location.search).get('thread') ?? '';
const api = createApiClient({ baseUrl: '/api' });

function FirstMembers() {
  const { data, error } = useQuery({
    queryKey: ['members', threadId],
    queryFn: ({ signal }) => fetchMemberPage(api, { threadId, limit: DEFAULT_PAGE_SIZE, cursor: '' }, signal),
  });
  if (error) return <p>{error.message}</p>;
  return (
    <div role="grid" aria-label="Members">
      {data?.members.map((username) => (
        <div key={username} role="row" data-username={username}>
          <div role="gridcell">{username}</div>
        </div>
      ))}
    </div>
  );
}

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <ThemeProvider theme={createTheme()}>
        <CssBaseline />
        <BrowserRouter>
          <Routes>
            <Route path="*" element={<FirstMembers />} />
          </Routes>
        </BrowserRouter>
      </ThemeProvider>
    </QueryClientProvider>,
  );
}
