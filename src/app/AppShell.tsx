// The frame of every page: app bar with navigation, the backend indicator and the theme toggle.
import { keyframes } from '@emotion/react';
import { AppBar, Box, Button, Container, Toolbar, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { OperationsButton } from '../features/members/OperationsButton.tsx';
import { BackendIndicator } from '../features/session/BackendIndicator.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';

// On demand, so that the members page's first bundle stays within its budget (see routes/on-demand.ts).
const OpenThreadOrUser = lazy(async () => ({
  default: (await import('./routes/on-demand.ts')).OpenThreadOrUser,
}));

export function AppShell() {
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <AppBar position="static" elevation={0}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="p" noWrap>
            Thread Members Admin
          </Typography>
          <Box component="nav" aria-label="Main" sx={{ flexGrow: 1 }}>
            <Button component={NavLink} to="/threads" color="inherit">
              Threads
            </Button>
          </Box>
          <Suspense>
            <OpenThreadOrUser />
          </Suspense>
          <OperationsButton />
          <BackendIndicator />
          <ThemeToggle />
        </Toolbar>
      </AppBar>
      <Container component="main" sx={{ py: 3, flexGrow: 1 }}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Container>
    </Box>
  );
}

const sweep = keyframes`from { transform: translateX(-100%); } to { transform: translateX(250%); }`;

/** A bar of its own: MUI's LinearProgress would add 2 kB gzipped to the first bundle of every page. */
function PageLoading() {
  return (
    <Box
      role="progressbar"
      aria-label="Loading the page"
      sx={{ height: 4, overflow: 'hidden', bgcolor: 'action.hover' }}
    >
      <Box
        sx={{
          width: '40%',
          height: 1,
          bgcolor: 'primary.main',
          animation: `${sweep} 1.2s ease-in-out infinite`,
        }}
      />
    </Box>
  );
}
