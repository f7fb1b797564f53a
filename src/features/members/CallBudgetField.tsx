// The calls per second exports from this browser may spend; a change applies at once, also to running ones.
import { TextField } from '@mui/material';
import { useState } from 'react';
import { MAX_CALLS_PER_SECOND, callBudget, setCallBudget } from './call-budget.ts';

export function CallBudgetField() {
  const [text, setText] = useState(String(callBudget()));
  const value = Number(text);
  const valid = /^\d{1,3}$/.test(text) && value >= 1 && value <= MAX_CALLS_PER_SECOND;
  return (
    <TextField
      label="Calls per second for exports"
      value={text}
      error={!valid}
      helperText={
        valid
          ? `The Chat API allows ${MAX_CALLS_PER_SECOND} per second for the whole app, its own clients included: leave them room.`
          : `A whole number from 1 to ${MAX_CALLS_PER_SECOND}.`
      }
      onChange={(event) => {
        setText(event.target.value);
        const next = Number(event.target.value);
        if (/^\d{1,3}$/.test(event.target.value) && next >= 1 && next <= MAX_CALLS_PER_SECOND)
          setCallBudget(next);
      }}
      slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      sx={{ maxWidth: 420 }}
    />
  );
}
