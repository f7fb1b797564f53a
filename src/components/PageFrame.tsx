// The frame of a page: breadcrumbs, a title, and the page's content.
import { Box, Link, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';

export interface Crumb {
  label: string;
  to: string;
}

export function PageFrame({
  title,
  crumbs = [],
  children,
}: {
  title: ReactNode;
  crumbs?: readonly Crumb[];
  children: ReactNode;
}) {
  return (
    <Stack spacing={2} sx={{ minHeight: 0, flexGrow: 1 }}>
      {crumbs.length > 0 && (
        <Box component="nav" aria-label="Breadcrumbs">
          <Box
            component="ol"
            sx={{
              display: 'flex',
              gap: 1,
              listStyle: 'none',
              m: 0,
              p: 0,
              color: 'text.secondary',
              minWidth: 0,
            }}
          >
            {crumbs.map((crumb) => (
              <li key={crumb.to}>
                <Link component={RouterLink} to={crumb.to} underline="hover" color="inherit">
                  {crumb.label}
                </Link>
                <span aria-hidden> /</span>
              </li>
            ))}
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
