import { CssBaseline } from '@mui/material';
// The system's provider, not the library's: that one also brings the CSS-variable colour schemes' provider and
// its script (about 3 kB gzipped on the first bundle), which plain palettes never use (see theme.ts).
import { ThemeProvider } from '@mui/system';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiProvider, type useApi } from '../api/api-context.tsx';
import { RenderedColorMode, useColorMode } from './color-mode.ts';
import { themeFor, type ColorMode } from './theme.ts';

function ThemedByColorMode({ children }: { children: ReactNode }) {
  const mode = useColorMode();
  return (
    <ThemeProvider theme={themeFor(mode)}>
      {/* Native controls and scrollbars follow the theme too. */}
      <CssBaseline enableColorScheme />
      {children}
    </ThemeProvider>
  );
}

export function AppProviders({
  api,
  queryClient,
  renderedColorMode = 'light',
  children,
}: {
  api: ReturnType<typeof useApi>;
  queryClient: QueryClient;
  /** The mode the page's HTML was rendered in, by the server; light for a page rendered in the browser. */
  renderedColorMode?: ColorMode;
  children: ReactNode;
}) {
  return (
    <ApiProvider client={api}>
      <QueryClientProvider client={queryClient}>
        <RenderedColorMode value={renderedColorMode}>
          <ThemedByColorMode>{children}</ThemedByColorMode>
        </RenderedColorMode>
      </QueryClientProvider>
    </ApiProvider>
  );
}
