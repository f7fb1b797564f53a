// The frame of every page once signed in: app bar with navigation, the search box, who is signed in, the
// backend indicator and the theme toggle.
import { AppBar, Box, Button, Container, Toolbar, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { AfterFirstPaint } from '../components/AfterFirstPaint.tsx';
import { LoadingBar } from '../components/LoadingBar.tsx';
import { OPERATIONS_BUTTON_WIDTH } from '../features/operations/operations-button-size.ts';
import { SEARCH_BOX_WIDTH } from '../features/search/search-box-size.ts';
import { BackendIndicator } from '../features/session/BackendIndicator.tsx';
import { SessionGate } from '../features/session/SessionGate.tsx';
import { SignedInUser } from '../features/session/SignedInUser.tsx';
import { MEMBER_GRID_ID, MEMBERS_PAGE_PATH } from '../lib/members-page-address.ts';
import { ThemeToggle } from './ThemeToggle.tsx';

// On demand, so that the members page's first bundle stays within its budget (see routes/on-demand.ts).
const OpenThreadOrUser = lazy(async () => ({
  default: (await import('./routes/on-demand.ts')).OpenThreadOrUser,
}));

const OperationsCorner = lazy(async () => ({
  default: (await import('./OperationsCorner.tsx')).OperationsCorner,
}));

/** Where the search box goes while its code loads, so the top bar does not shift when it comes. */
const searchBoxPlace = <Box sx={{ ...SEARCH_BOX_WIDTH, flexShrink: 0 }} />;
/** The operations button's place, the size of the button, for the same reason. */
const operationsPlace = <Box sx={{ width: OPERATIONS_BUTTON_WIDTH, height: 36.5, flexShrink: 0 }} />;

/** Off screen until focused: the first Tab on the members page offers it, Enter moves focus to the grid. */
function SkipToMembers() {
  return (
    <Box
      component="a"
      href={`#${MEMBER_GRID_ID}`}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(MEMBER_GRID_ID)?.focus();
      }}
      sx={{
        position: 'absolute',
        left: 8,
        top: -48,
        zIndex: 'tooltip',
        px: 2,
        py: 1,
        bgcolor: 'background.paper',
        color: 'text.primary',
        '&:focus': { top: 8 },
      }}
    >
      Skip to members
    </Box>
  );
}

export function AppShell() {
  const onMembersPage = MEMBERS_PAGE_PATH.test(useLocation().pathname);
  return (
    <SessionGate>
      {onMembersPage && <SkipToMembers />}
      {/* The members page fills the window exactly: its grid takes the height left and is the one scroll box. */}
      <Box
        sx={{
          minHeight: '100vh',
          display: 'flex',
          flexDirection: 'column',
          ...(onMembersPage && { height: '100dvh' }),
        }}
      >
        {/* The border sets the bar apart from the page in the dark theme, where both are the same grey. */}
        <AppBar position="static" elevation={0} sx={{ borderBottom: 1, borderColor: 'divider' }}>
          {/* In a narrow window the bar wraps onto a second row rather than pushing controls out of sight. */}
          <Toolbar variant="dense" sx={{ columnGap: 2, rowGap: 0.5, py: 0.5, flexWrap: 'wrap' }}>
            <Typography variant="h6" component="p" noWrap sx={{ flexShrink: 0 }}>
              Thread Members Admin
            </Typography>
            <Box component="nav" aria-label="Main" sx={{ flexGrow: 1, display: 'flex', flexWrap: 'nowrap' }}>
              <Button component={NavLink} to="/threads" color="inherit">
                Threads
              </Button>
              <Button component={NavLink} to="/activity" color="inherit">
                Activity
              </Button>
            </Box>
            <AfterFirstPaint placeholder={searchBoxPlace}>
              <Suspense fallback={searchBoxPlace}>
                <OpenThreadOrUser />
              </Suspense>
            </AfterFirstPaint>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
              <AfterFirstPaint placeholder={operationsPlace}>
                <Suspense fallback={operationsPlace}>
                  <OperationsCorner />
                </Suspense>
              </AfterFirstPaint>
              <SignedInUser />
              <BackendIndicator />
              <ThemeToggle />
            </Box>
          </Toolbar>
        </AppBar>
        <Container
          component="main"
          sx={
            onMembersPage
              ? { py: 1.5, flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }
              : { py: 3, flexGrow: 1 }
          }
        >
          <Suspense fallback={<LoadingBar label="Loading the page" />}>
            <Outlet />
          </Suspense>
        </Container>
      </Box>
    </SessionGate>
  );
}
