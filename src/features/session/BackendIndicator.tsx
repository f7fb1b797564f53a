// Tells the moderator which Chat backend every action goes to: the local emulator or a real project.
import { Chip, Tooltip } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context.tsx';
import { sessionQuery } from './session-queries.ts';

export function BackendIndicator() {
  const { data, error, isPending } = useQuery(sessionQuery(useApi()));

  if (isPending) return <Chip label="Connecting…" size="small" variant="outlined" />;
  if (error) {
    return (
      <Tooltip title={`${error.message}. Check that the dashboard server is running, then reload.`}>
        <Chip
          label="Backend unknown"
          color="error"
          size="small"
          role="status"
          aria-label="Backend: unknown"
        />
      </Tooltip>
    );
  }
  const label =
    data.backend === 'emulator'
      ? `Emulator · ${data.org}/${data.app}`
      : `${new URL(data.host).host} · ${data.org}/${data.app}`;
  const description =
    data.backend === 'emulator'
      ? 'Demo data in the local emulator: changes never reach a real Chat project.'
      : 'A real Agora Chat project: changes affect real users.';
  return (
    <Tooltip title={description}>
      <Chip
        label={label}
        color={data.backend === 'emulator' ? 'default' : 'warning'}
        size="small"
        role="status"
        aria-label={`Backend: ${label}`}
      />
    </Tooltip>
  );
}
