// Light or dark: follows the system until the moderator picks one.
import { IconButton } from '@mui/material';
import { useColorScheme } from '@mui/material/styles';

export function ThemeToggle() {
  const { mode, systemMode, setMode } = useColorScheme();
  const current = mode === 'system' ? systemMode : mode;
  if (!current) return null;
  const next = current === 'dark' ? 'light' : 'dark';
  const label = `Switch to ${next} theme`;
  return (
    <IconButton color="inherit" aria-label={label} title={label} onClick={() => setMode(next)}>
      <span aria-hidden style={{ fontSize: 20, lineHeight: 1 }}>
        {current === 'dark' ? '☀' : '☾'}
      </span>
    </IconButton>
  );
}
