// Offers to reverse a finished operation until its offer ends, counting down the seconds left.
import { Button, Typography } from '@mui/material';
import { useEffect, useState } from 'react';

export function UndoCountdown({
  label,
  until,
  caveat,
  onUndo,
}: {
  label: string;
  /** `Date.now()` at which the offer ends: the count goes on from where it was if the dialog is reopened. */
  until: number;
  caveat: string | undefined;
  onUndo: () => void;
}) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const left = Math.ceil((until - now) / 1000);
  if (left <= 0) return null;
  return (
    <>
      {caveat && (
        // A line of its own above the buttons (the dialog's actions wrap).
        <Typography variant="body2" color="warning.main" sx={{ flexBasis: '100%', order: -1, px: 1 }}>
          {caveat}
        </Typography>
      )}
      <Button onClick={onUndo} aria-label={label}>
        {label} ({left} s)
      </Button>
    </>
  );
}
