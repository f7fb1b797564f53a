import { Stack, Typography } from '@mui/material';

export function HomePage() {
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        Thread members
      </Typography>
      <Typography>
        Browse who is in a chat thread, add and remove members in bulk, and see exactly which user succeeded.
        The indicator in the top bar shows which Chat backend every action goes to.
      </Typography>
    </Stack>
  );
}
