// What a moderator needs to know about a thread before changing its members.
import { Skeleton, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useApi } from '../../api/api-context.tsx';
import { errorMessage } from '../../components/error-message.ts';
import { threadDetailsQuery } from './thread-queries.ts';
import { formatCount } from '../../lib/quantity.ts';

// In UTC, said so: the server renders this before the browser's time zone is known, and the two must agree.
const dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Typography component="dt" variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </div>
  );
}

export function ThreadHeader({ threadId }: { threadId: string }) {
  const { data, error, isPending } = useQuery(threadDetailsQuery(useApi(), threadId));
  const loading = <Skeleton width={120} />;
  return (
    <Stack spacing={1}>
      <Stack
        component="dl"
        direction="row"
        useFlexGap
        sx={{ flexWrap: 'wrap', columnGap: 3, rowGap: 0.5, m: 0 }}
        aria-label="Thread details"
      >
        <Fact label="Thread ID">{threadId}</Fact>
        <Fact label="Owner">{isPending ? loading : (data?.owner ?? '—')}</Fact>
        <Fact label="Parent group">{isPending ? loading : (data?.groupId ?? '—')}</Fact>
        <Fact label="Created">
          {isPending ? loading : data ? `${dateTime.format(data.created)} UTC` : '—'}
        </Fact>
        <Fact label="Members">{isPending ? loading : data ? formatCount(data.memberCount) : '—'}</Fact>
      </Stack>
      {error && (
        <Typography variant="body2" color="text.secondary">
          Details of this thread are not available: {errorMessage(error, 'the thread details').detail}
        </Typography>
      )}
    </Stack>
  );
}
