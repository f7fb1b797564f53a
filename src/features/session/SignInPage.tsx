// The sign-in page of AUTH_MODE=password: name and password, with what went wrong and what to do next.
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { useApi } from '../../api/api-context.tsx';
import { signIn } from '../../api/session.ts';
import { TextInput } from '../../components/TextInput.tsx';

function problemOf(error: unknown): string {
  const unreachable = 'The dashboard server could not be reached. Check the connection and try again.';
  if (!(error instanceof ApiError)) return unreachable;
  // These answers of the server say what to do: a wrong password, a slow-down, a missing field, or an
  // accounts file it cannot read.
  if ([400, 401, 429].includes(error.status) || error.code === 'accounts_unavailable')
    return error.description;
  if (error.status === 403) return `${error.description} Reload the page and sign in again.`;
  return unreachable;
}

export function SignInPage() {
  const api = useApi();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (name.trim() === '' || password === '') {
      setProblem('Enter your name and password.');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await signIn(api, name.trim(), password);
      // Whatever was loaded before belongs to nobody; start clean as the signed-in user. Resetting the
      // session refetches it, which replaces this page with the dashboard.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      await queryClient.resetQueries({ queryKey: ['session'] });
    } catch (error) {
      setProblem(problemOf(error));
      setBusy(false);
    }
  }

  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2 }}>
      <Paper variant="outlined" sx={{ p: 4, width: '100%', maxWidth: 400 }}>
        <Stack
          component="form"
          spacing={2}
          aria-label="Sign in"
          onSubmit={(event) => void submit(event)}
          noValidate
        >
          <Typography variant="h5" component="h1">
            Sign in to Thread Members Admin
          </Typography>
          <TextInput
            label="Name"
            autoComplete="username"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <TextInput
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          {problem && (
            <Alert severity="error" role="alert">
              {problem}
            </Alert>
          )}
          <Button type="submit" variant="contained" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </Button>
          <Typography variant="body2" color="text.secondary">
            No account? Ask whoever runs the dashboard to create one with npm run users.
          </Typography>
        </Stack>
      </Paper>
    </Box>
  );
}
