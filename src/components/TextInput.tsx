// A labelled outlined text field. MUI's TextField also pulls in Select, Menu and Popover, which the first
// page does not need: this keeps the members page's initial JavaScript small.
import {
  FormControl,
  FormHelperText,
  InputLabel,
  OutlinedInput,
  type OutlinedInputProps,
} from '@mui/material';
import { useId, type ReactNode } from 'react';

export interface TextInputProps extends Pick<
  OutlinedInputProps,
  'value' | 'defaultValue' | 'name' | 'onChange' | 'onBlur' | 'onKeyDown' | 'type' | 'autoComplete' | 'sx'
> {
  label: string;
  helperText?: ReactNode;
  error?: boolean;
  inputMode?: 'text' | 'numeric' | 'search';
  /** Keeps the label above the field, for inputs that show their own placeholder (date and time). */
  shrinkLabel?: boolean;
}

export function TextInput({
  label,
  helperText,
  error = false,
  inputMode,
  shrinkLabel,
  sx,
  ...input
}: TextInputProps) {
  const id = useId();
  const helperId = `${id}-helper`;
  return (
    <FormControl size="small" error={error} sx={sx}>
      <InputLabel htmlFor={id} {...(shrinkLabel ? { shrink: true } : {})}>
        {label}
      </InputLabel>
      <OutlinedInput
        id={id}
        label={label}
        {...(shrinkLabel ? { notched: true } : {})}
        inputProps={{ inputMode, 'aria-describedby': helperText ? helperId : undefined }}
        {...input}
      />
      {helperText && <FormHelperText id={helperId}>{helperText}</FormHelperText>}
    </FormControl>
  );
}
