// Who is signed in and with which role, in the top bar; with passwords, the way to sign out.
import { Button, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../api/api-context.tsx';
import { signOut } from '../../api/session.ts';
import { sessionQuery } from './session-queries.ts';

export function SignedInUser() {
  const api = useApi();
  const { data } = useQuery(sessionQuery(api));
  const [signingOut, setSigningOut] = useState(false);
  if (!data) return null;

  async function leave() {
    setSigningOut(true);
    try {
      await signOut(api);
    } finally {
      // A fresh page: no cached data, no running operation stays behind for the next person at this screen.
      window.location.assign('/');
    }
  }

  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {data.auth === 'none' ? (
        // Short in the crowded top bar; the whole sentence for whoever hovers it or reads it aloud.
        <Typography
          component="p"
          variant="body2"
          noWrap
          title="No sign-in: everyone who can reach this server is a moderator"
          aria-label="No sign-in: everyone is a moderator"
        >
          No sign-in
        </Typography>
      ) : (
        <Typography component="p" variant="body2" noWrap>
          Signed in as {data.user.name} · {data.user.role}
        </Typography>
      )}
      {data.auth === 'password' && (
        <Button color="inherit" size="small" onClick={() => void leave()} disabled={signingOut}>
          Sign out
        </Button>
      )}
    </Stack>
  );
}
