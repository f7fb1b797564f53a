// The calls per second exports from this browser may spend; a change applies at once, also to running ones.
import { TextField } from '@mui/material';
import { useState } from 'react';
import {
  MAX_CALLS_PER_SECOND,
  callBudget,
  callBudgetFromText,
  callBudgetText,
  enterCallBudget,
} from './call-budget.ts';

export function CallBudgetField() {
  const [text, setText] = useState(callBudgetText);
  const valid = callBudgetFromText(text) !== null;
  return (
    <TextField
      label="Calls per second for exports"
      value={text}
      error={!valid}
      helperText={
        valid
          ? `The Chat API allows ${MAX_CALLS_PER_SECOND} per second for the whole app, its own clients included: leave them room.`
          : `A whole number from 1 to ${MAX_CALLS_PER_SECOND}. Until then exports keep to ${callBudget()} calls per second.`
      }
      onChange={(event) => {
        setText(event.target.value);
        enterCallBudget(event.target.value);
      }}
      slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      sx={{ maxWidth: 420 }}
    />
  );
}
