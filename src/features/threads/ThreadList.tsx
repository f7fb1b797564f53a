// The app's threads, newest or oldest first, scrolled without end; details load only for rows on screen.
import { Link, Skeleton, Stack, Typography } from '@mui/material';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { useApi } from '../../api/api-context.tsx';
import type { ThreadSort } from '../../api/threads.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { InfiniteRowList } from '../../components/InfiniteRowList.tsx';
import { SortToggle } from '../../components/SortToggle.tsx';
import { threadDetailsQuery, threadListQuery } from './thread-queries.ts';
import { quantity } from '../../lib/quantity.ts';

const ROW_HEIGHT = 64;

function ThreadRow({ threadId }: { threadId: string }) {
  const { data, isPending, error } = useQuery(threadDetailsQuery(useApi(), threadId));
  return (
    <>
      <Link
        component={RouterLink}
        to={`/threads/${encodeURIComponent(threadId)}`}
        noWrap
        sx={{ fontWeight: 500 }}
      >
        {data ? data.name : threadId}
      </Link>
      <Typography variant="body2" color="text.secondary" noWrap>
        {isPending ? (
          <Skeleton width={240} />
        ) : data ? (
          `ID ${threadId} · owner ${data.owner} · ${quantity(data.memberCount, 'member', 'members')}`
        ) : (
          `ID ${threadId} · details not available (${error.message})`
        )}
      </Typography>
    </>
  );
}

export function ThreadList({
  sort,
  onSortChange,
}: {
  sort: ThreadSort;
  onSortChange: (sort: ThreadSort) => void;
}) {
  const pages = useInfiniteQuery(threadListQuery(useApi(), sort));
  const { data, error, isPending, hasNextPage, refetch } = pages;
  const threadIds = useMemo(() => data?.pages.flatMap((page) => page.threadIds) ?? [], [data]);

  const sortControl = <SortToggle label="Sort threads" sort={sort} onChange={onSortChange} />;

  if (error && !data) {
    return (
      <Stack spacing={2}>
        {sortControl}
        <ErrorNotice error={error} what="the thread list" onRetry={() => void refetch()} />
      </Stack>
    );
  }

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        {sortControl}
        <Typography role="status" color="text.secondary">
          {isPending
            ? 'Loading threads…'
            : `${quantity(threadIds.length, 'thread', 'threads')} loaded${hasNextPage ? '' : ' · end of list'}`}
        </Typography>
      </Stack>
      {!isPending && threadIds.length === 0 ? (
        <Typography>This app has no threads yet.</Typography>
      ) : (
        <InfiniteRowList
          label="Threads"
          rowHeight={ROW_HEIGHT}
          count={threadIds.length}
          what="threads"
          pages={pages}
          rowKey={(row) => threadIds[row] ?? ''}
          renderRow={(row) => <ThreadRow threadId={threadIds[row] ?? ''} />}
        />
      )}
    </Stack>
  );
}
