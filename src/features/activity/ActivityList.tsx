// The audit log's entries, newest first, loading older pages as the end comes into view.
import { Box, Button, Skeleton, Stack, Typography } from '@mui/material';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import type { ActivityFilter } from '../../api/activity.ts';
import { useApi } from '../../api/api-context.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { ActivityEntryItem } from './ActivityEntryItem.tsx';
import { activityListQuery } from './activity-queries.ts';
import { quantity } from '../../lib/quantity.ts';

export function ActivityList({ filter }: { filter: ActivityFilter }) {
  // Only filters with a value reach the API filter.
  const filtered = Object.keys(filter).length > 0;
  const list = useInfiniteQuery(activityListQuery(useApi(), filter));
  const { data, error, isPending, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } =
    list;
  const entries = useMemo(() => data?.pages.flatMap((page) => page.entries) ?? [], [data]);
  const endRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const end = endRef.current;
    if (end === null || !hasNextPage || isFetchingNextPage || isFetchNextPageError) return;
    // Start the next page while the end is still a screen away.
    const observer = new IntersectionObserver(
      ([seen]) => {
        if (seen?.isIntersecting) void fetchNextPage({ cancelRefetch: false });
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(end);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage, entries.length]);

  if (error && !data)
    return <ErrorNotice error={error} what="the activity" onRetry={() => void list.refetch()} />;

  return (
    <Stack spacing={1}>
      <Typography role="status" color="text.secondary">
        {isPending
          ? 'Loading activity…'
          : `${quantity(entries.length, 'entry', 'entries')} loaded${hasNextPage ? '' : ' · end of the log'}`}
      </Typography>
      {isPending ? (
        <Box aria-busy="true" aria-label="Loading activity">
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} variant="rectangular" height={56} sx={{ my: 1 }} />
          ))}
        </Box>
      ) : entries.length === 0 ? (
        <Typography>
          {filtered
            ? 'No adds or removes match these filters. Widen the time range or clear the filters.'
            : 'Nobody has added or removed members yet. Every change made through the dashboard will be listed here.'}
        </Typography>
      ) : (
        <Box
          component="ol"
          aria-label="Activity"
          sx={{ m: 0, p: 0, border: 1, borderColor: 'divider', borderRadius: 1 }}
        >
          {entries.map((entry) => (
            <ActivityEntryItem key={entry.id} entry={entry} />
          ))}
        </Box>
      )}
      <Box ref={endRef}>
        {isFetchNextPageError ? (
          <ErrorNotice error={error} what="older activity" onRetry={() => void fetchNextPage()} />
        ) : (
          hasNextPage && (
            // Also the keyboard's way on: scrolling is not the only path to older entries.
            <Button onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
              {isFetchingNextPage ? 'Loading older activity…' : 'Load older activity'}
            </Button>
          )
        )}
      </Box>
    </Stack>
  );
}
