// The app's threads, newest or oldest first, scrolled without end; details load only for rows on screen.
import { Box, Link, Skeleton, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { Link as RouterLink } from 'react-router';
import { useApi } from '../../api/api-context.tsx';
import type { ThreadSort } from '../../api/threads.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useRowWindow } from '../../lib/use-row-window.ts';
import { threadDetailsQuery, threadListQuery } from './thread-queries.ts';

const ROW_HEIGHT = 64;
const count = new Intl.NumberFormat();

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
          `ID ${threadId} · owner ${data.owner} · ${count.format(data.memberCount)} members`
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
  const {
    data,
    error,
    isPending,
    hasNextPage,
    isFetchingNextPage,
    isFetchNextPageError,
    fetchNextPage,
    refetch,
  } = useInfiniteQuery(threadListQuery(useApi(), sort));
  const threadIds = useMemo(() => data?.pages.flatMap((page) => page.threadIds) ?? [], [data]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useRowWindow(scrollRef, threadIds.length + (hasNextPage ? 1 : 0), ROW_HEIGHT, 4);
  const lastRendered = rows.end - 1;

  useEffect(() => {
    if (
      lastRendered >= threadIds.length - 20 &&
      hasNextPage &&
      !isFetchingNextPage &&
      !isFetchNextPageError
    ) {
      void fetchNextPage({ cancelRefetch: false });
    }
  }, [lastRendered, threadIds.length, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  const sortControl = (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={sort}
      aria-label="Sort threads"
      onChange={(_, value: ThreadSort | null) => value && onSortChange(value)}
    >
      <ToggleButton value="desc">Newest first</ToggleButton>
      <ToggleButton value="asc">Oldest first</ToggleButton>
    </ToggleButtonGroup>
  );

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
            : `${count.format(threadIds.length)} threads loaded${hasNextPage ? '' : ' · end of list'}`}
        </Typography>
      </Stack>
      {!isPending && threadIds.length === 0 ? (
        <Typography>This app has no threads yet.</Typography>
      ) : (
        <Box
          ref={scrollRef}
          sx={{
            height: 'min(60vh, 640px)',
            overflowY: 'auto',
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
          }}
        >
          <Box
            role="list"
            aria-label="Threads"
            aria-busy={isPending}
            sx={{ height: isPending ? 'auto' : rows.totalHeight, position: 'relative' }}
          >
            {isPending
              ? Array.from({ length: 6 }, (_, i) => (
                  <Skeleton key={i} variant="rectangular" height={ROW_HEIGHT - 8} sx={{ m: 1 }} />
                ))
              : Array.from({ length: rows.end - rows.start }, (_, i) => rows.start + i).map((row) => (
                  <Box
                    key={threadIds[row] ?? 'end'}
                    role="listitem"
                    sx={{
                      position: 'absolute',
                      top: 0,
                      left: 0,
                      right: 0,
                      height: ROW_HEIGHT,
                      px: 2,
                      display: 'flex',
                      flexDirection: 'column',
                      justifyContent: 'center',
                      borderBottom: 1,
                      borderColor: 'divider',
                    }}
                    style={{ transform: `translateY(${row * ROW_HEIGHT}px)` }}
                  >
                    {row < threadIds.length ? (
                      <ThreadRow threadId={threadIds[row] ?? ''} />
                    ) : isFetchNextPageError ? (
                      <Typography>
                        Could not load more threads.{' '}
                        <Link component="button" onClick={() => void fetchNextPage()}>
                          Retry
                        </Link>
                      </Typography>
                    ) : (
                      <Typography color="text.secondary">Loading more threads…</Typography>
                    )}
                  </Box>
                ))}
          </Box>
        </Box>
      )}
    </Stack>
  );
}
