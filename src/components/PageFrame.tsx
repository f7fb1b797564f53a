// The frame of a page: breadcrumbs, a title, and the page's content. A dense frame puts the title at the end of
// the breadcrumbs with facts beside it, and lets its content fill the window's height (the members page).
import { Box, Link, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';

export interface Crumb {
  label: string;
  to: string;
}

function CrumbLinks({ crumbs }: { crumbs: readonly Crumb[] }) {
  return crumbs.map((crumb) => (
    <li key={crumb.to}>
      <Link component={RouterLink} to={crumb.to} underline="hover" color="inherit">
        {crumb.label}
      </Link>
      <span aria-hidden> /</span>
    </li>
  ));
}

const trail = {
  display: 'flex',
  gap: 1,
  listStyle: 'none',
  m: 0,
  p: 0,
  color: 'text.secondary',
  minWidth: 0,
} as const;

export function PageFrame({
  title,
  crumbs = [],
  dense = false,
  aside,
  children,
}: {
  title: ReactNode;
  crumbs?: readonly Crumb[];
  /** One header line: the breadcrumbs end in the page's heading, `aside` beside them. */
  dense?: boolean;
  aside?: ReactNode;
  children: ReactNode;
}) {
  if (dense) {
    return (
      <Stack spacing={1.5} sx={{ minHeight: 0, flexGrow: 1 }}>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 4, rowGap: 1 }}>
          <Box component="nav" aria-label="Breadcrumbs" sx={{ minWidth: 0 }}>
            <Box component="ol" sx={{ ...trail, alignItems: 'baseline' }}>
              <CrumbLinks crumbs={crumbs} />
              <Box component="li" aria-current="page" sx={{ minWidth: 0 }}>
                <Typography
                  variant="h5"
                  component="h1"
                  color="text.primary"
                  sx={{ overflowWrap: 'anywhere' }}
                >
                  {title}
                </Typography>
              </Box>
            </Box>
          </Box>
          {aside}
        </Box>
        {children}
      </Stack>
    );
  }
  return (
    <Stack spacing={2} sx={{ minHeight: 0, flexGrow: 1 }}>
      {crumbs.length > 0 && (
        <Box component="nav" aria-label="Breadcrumbs">
          <Box component="ol" sx={trail}>
            <CrumbLinks crumbs={crumbs} />
            <Typography component="li" color="text.primary" aria-current="page" noWrap>
              {title}
            </Typography>
          </Box>
        </Box>
      )}
      <Typography variant="h4" component="h1" sx={{ overflowWrap: 'anywhere' }}>
        {title}
      </Typography>
      {children}
    </Stack>
  );
}
