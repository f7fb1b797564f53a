import { Alert, AlertTitle, Button } from '@mui/material';
import { errorMessage } from './error-message.ts';

/** A failed load, named, with a Retry button when retrying can help. */
export function ErrorNotice({
  error,
  what,
  onRetry,
}: {
  error: unknown;
  what: string;
  onRetry?: () => void;
}) {
  const { title, detail } = errorMessage(error, what);
  return (
    <Alert
      severity="error"
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            Retry
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{title}</AlertTitle>
      {detail}
    </Alert>
  );
}
