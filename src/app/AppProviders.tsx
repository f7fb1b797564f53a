import { CssBaseline, ThemeProvider } from '@mui/material';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiProvider, type useApi } from '../api/api-context.tsx';
import { theme } from './theme.ts';

export function AppProviders({
  api,
  queryClient,
  children,
}: {
  api: ReturnType<typeof useApi>;
  queryClient: QueryClient;
  children: ReactNode;
}) {
  return (
    <ApiProvider client={api}>
      <QueryClientProvider client={queryClient}>
        <ThemeProvider theme={theme}>
          <CssBaseline />
          {children}
        </ThemeProvider>
      </QueryClientProvider>
    </ApiProvider>
  );
}
