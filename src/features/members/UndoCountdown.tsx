// Offers to reverse a finished operation until its offer ends, counting down the seconds left.
import { Button, Typography } from '@mui/material';
import { useEffect, useId, useState } from 'react';

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
  const caveatId = useId();
  const left = Math.ceil((until - now) / 1000);
  const offered = left > 0;
  useEffect(() => {
    if (!offered) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [offered]);
  if (!offered) return null;
  return (
    <>
      {caveat && (
        // Above the buttons, where it is read before Undo is pressed (the dialog's actions wrap).
        <Typography
          id={caveatId}
          variant="body2"
          color="warning.main"
          sx={{ flexBasis: '100%', order: -1, px: 1 }}
        >
          {caveat}
        </Typography>
      )}
      <Button onClick={onUndo} aria-label={label} aria-describedby={caveat ? caveatId : undefined}>
        {label} ({left} s)
      </Button>
    </>
  );
}
