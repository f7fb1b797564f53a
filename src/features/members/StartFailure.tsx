// Why an operation did not start; what the moderator entered stays in the dialog to try again.
import { Alert } from '@mui/material';
import { errorMessage } from '../../components/error-message.ts';

export function StartFailure({ error }: { error: Error | null }) {
  if (error === null) return null;
  return (
    <Alert severity="error">
      Nothing was started: {errorMessage(error, 'the operation').detail} Your list is kept; try again.
    </Alert>
  );
}
