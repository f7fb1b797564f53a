// A dialog that asks before something is changed: what will happen in its body, Cancel and one action. Focus
// starts on the action unless the body has a field to fill first; closing gives it back to what opened it.
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useId, type ReactNode } from 'react';

export function ConfirmDialog({
  title,
  action,
  destructive = false,
  disabled = false,
  onConfirm,
  onClose,
  wide = false,
  focusAction = true,
  children,
}: {
  title: string;
  /** The action button's text, which says what it does ("Remove from 3 threads"). */
  action: string;
  destructive?: boolean;
  disabled?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  /** For bodies with a list to paste or read. */
  wide?: boolean;
  /** False when a field in the body takes focus first (it says `autoFocus`). */
  focusAction?: boolean;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth={wide ? 'md' : 'sm'} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {children}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          color={destructive ? 'error' : 'primary'}
          disabled={disabled}
          autoFocus={focusAction}
          onClick={onConfirm}
        >
          {action}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
