// Tells the moderator which Chat backend every action goes to: the local emulator or a real project.
import { Box } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context.tsx';
import { sessionQuery } from './session-queries.ts';

function Badge({
  label,
  description,
  tone,
}: {
  label: string;
  description: string;
  tone: 'neutral' | 'warning' | 'error';
}) {
  return (
    <Box
      component="span"
      role="status"
      aria-label={`Backend: ${label}`}
      title={description}
      sx={{
        px: 1.5,
        py: 0.25,
        borderRadius: 4,
        fontSize: 13,
        whiteSpace: 'nowrap',
        // A light pill on the blue bar; in the dark theme, where the bar is the page's grey, a lighter grey.
        bgcolor: (theme) =>
          tone !== 'neutral'
            ? theme.palette[tone].main
            : theme.palette.mode === 'dark'
              ? theme.palette.action.selected
              : theme.palette.background.paper,
        color: tone === 'neutral' ? 'text.primary' : `${tone}.contrastText`,
      }}
    >
      {label}
    </Box>
  );
}

export function BackendIndicator() {
  const { data, error, isPending } = useQuery(sessionQuery(useApi()));

  if (isPending)
    return (
      <Badge label="connecting…" description="Asking the server which backend it uses." tone="neutral" />
    );
  if (error) {
    return (
      <Badge
        label="unknown"
        description={`${error.message}. Check that the dashboard server is running, then reload.`}
        tone="error"
      />
    );
  }
  if (data.backend === 'emulator') {
    return (
      <Badge
        label={`Emulator · ${data.org}/${data.app}`}
        description="Demo data in the local emulator: changes never reach a real Chat project."
        tone="neutral"
      />
    );
  }
  return (
    <Badge
      label={`${new URL(data.host).host} · ${data.org}/${data.app}`}
      description={`A real ${data.vendor} project: changes affect real users.`}
      tone="warning"
    />
  );
}
