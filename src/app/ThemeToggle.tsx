// Light or dark: follows the system until the moderator picks one.
import { IconButton } from '@mui/material';
import { chooseColorMode, useColorMode } from './color-mode.ts';

export function ThemeToggle() {
  const current = useColorMode();
  const next = current === 'dark' ? 'light' : 'dark';
  const label = `Switch to ${next} theme`;
  return (
    <IconButton color="inherit" aria-label={label} title={label} onClick={() => chooseColorMode(next)}>
      <span aria-hidden style={{ fontSize: 20, lineHeight: 1 }}>
        {current === 'dark' ? '☀' : '☾'}
      </span>
    </IconButton>
  );
}
