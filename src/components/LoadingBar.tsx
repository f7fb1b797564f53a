// An indeterminate progress bar drawn with emotion: MUI's LinearProgress would add 2 kB gzipped to the first
// bundle of every page, which has none to spare.
import { keyframes } from '@emotion/react';
import { Box } from '@mui/material';

const sweep = keyframes`from { transform: translateX(-100%); } to { transform: translateX(250%); }`;

export function LoadingBar({ label }: { label: string }) {
  return (
    <Box
      role="progressbar"
      aria-label={label}
      sx={{ height: 4, overflow: 'hidden', bgcolor: 'action.hover' }}
    >
      <Box
        sx={{
          width: '40%',
          height: 1,
          bgcolor: 'primary.main',
          animation: `${sweep} 1.2s ease-in-out infinite`,
        }}
      />
    </Box>
  );
}
