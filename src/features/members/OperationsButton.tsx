// The operations indicator of the top bar: how many bulk operations run, and the way to their results.
import { Button } from '@mui/material';
import { lazy, Suspense, useState, useSyncExternalStore } from 'react';
import { isRunning, operations } from './operations.ts';

const OperationsDialog = lazy(async () => ({
  default: (await import('./OperationsDialog.tsx')).OperationsDialog,
}));

export function OperationsButton() {
  const entries = useSyncExternalStore(operations.subscribe, operations.getSnapshot);
  const [open, setOpen] = useState(false);
  const running = entries.filter(isRunning).length;
  const label =
    running > 0
      ? `Operations: ${running} running`
      : entries.length > 0
        ? `Operations (${entries.length})`
        : 'Operations';
  return (
    <>
      <Button color="inherit" onClick={() => setOpen(true)} aria-live="polite">
        {label}
      </Button>
      {open && (
        <Suspense>
          <OperationsDialog initialId={null} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
