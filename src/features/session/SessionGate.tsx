// Shows the dashboard to a signed-in user, the sign-in page to anyone else, and a named failure otherwise.
import { Alert, AlertTitle, Box, Button } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { useApi } from '../../api/api-context.tsx';
import { isSignInRequired } from '../../api/session.ts';
import { LoadingBar } from '../../components/LoadingBar.tsx';
import { SignInPage } from './SignInPage.tsx';
import { sessionQuery } from './session-queries.ts';

function Refusal({ title, detail, onRetry }: { title: string; detail: string; onRetry: () => void }) {
  return (
    <Box component="main" sx={{ p: 4, maxWidth: 720, mx: 'auto' }}>
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={onRetry}>
            Retry
          </Button>
        }
      >
        <AlertTitle>{title}</AlertTitle>
        {detail}
      </Alert>
    </Box>
  );
}

export function SessionGate({ children }: { children: ReactNode }) {
  const { data, error, isPending, refetch } = useQuery(sessionQuery(useApi()));
  if (isPending) return <LoadingBar label="Checking who is signed in" />;
  // Before `data`: a refetch that finds the session ended keeps the old data beside its error.
  if (isSignInRequired(error)) return <SignInPage />;
  if (data) return children;
  const retry = () => void refetch();
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
    // The sign-in proxy's refusals: missing identity header, or a request that bypassed the proxy.
    return (
      <Refusal
        title="You are not signed in through the sign-in proxy"
        detail={error.description}
        onRetry={retry}
      />
    );
  }
  return (
    <Refusal
      title="Could not reach the dashboard server"
      detail={`${error.message}. Check that the dashboard server is running, then retry.`}
      onRetry={retry}
    />
  );
}
