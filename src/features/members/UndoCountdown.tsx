// Offers to reverse a finished operation for about ten seconds.
import { Button } from '@mui/material';
import { useEffect, useState } from 'react';

const UNDO_SECONDS = 10;

export function UndoCountdown({ label, onUndo }: { label: string; onUndo: () => void }) {
  const [left, setLeft] = useState(UNDO_SECONDS);
  useEffect(() => {
    const timer = setInterval(() => setLeft((seconds) => seconds - 1), 1000);
    return () => clearInterval(timer);
  }, []);
  if (left <= 0) return null;
  return (
    <Button onClick={onUndo} aria-label={label}>
      {label} ({left} s)
    </Button>
  );
}
