import { CssBaseline, ThemeProvider } from '@mui/material';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiProvider, type useApi } from '../api/api-context.tsx';
import { useColorMode } from './color-mode.ts';
import { themeFor } from './theme.ts';

export function AppProviders({
  api,
  queryClient,
  children,
}: {
  api: ReturnType<typeof useApi>;
  queryClient: QueryClient;
  children: ReactNode;
}) {
  const mode = useColorMode();
  return (
    <ApiProvider client={api}>
      <QueryClientProvider client={queryClient}>
        <ThemeProvider theme={themeFor(mode)}>
          {/* Native controls and scrollbars follow the theme too. */}
          <CssBaseline enableColorScheme />
          {children}
        </ThemeProvider>
      </QueryClientProvider>
    </ApiProvider>
  );
}
