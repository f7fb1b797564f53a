// The Usernames text box, built to hold a paste of 20,000 names: a keystroke must reach the screen at once.
import { TextField } from '@mui/material';
import { memo, type Ref } from 'react';

export interface UsernamesBoxProps {
  /** The text the box starts with; afterwards the box owns its text and reports every change. */
  initialText: string;
  onText: (text: string) => void;
  boxRef: Ref<HTMLTextAreaElement>;
}

/**
 * Uncontrolled and memoised, so that the counts rendering below it never make React read or write its value:
 * for a controlled textarea React compares the whole text and copies it into the element's default value on
 * every render. A plain textarea of fixed height rather than MUI's self-sizing one, which lays out a hidden
 * copy of the whole text on every change to measure it (about a second for 20,000 names).
 */
export const UsernamesBox = memo(function UsernamesBox({ initialText, onText, boxRef }: UsernamesBoxProps) {
  return (
    <TextField
      label="Usernames"
      multiline
      slotProps={{ input: { inputComponent: 'textarea' }, htmlInput: { rows: 10 } }}
      inputRef={boxRef}
      defaultValue={initialText}
      onChange={(event) => onText(event.target.value)}
      helperText="Separate names with new lines, commas, semicolons, spaces or tabs. An entry in double quotes is read as one."
      autoFocus
    />
  );
});
