// A labelled list of fixed-height rows over cursor pages: only the rows on screen are in the page, the next
// page is asked for before the last loaded row scrolls into view, and a row after the last says it is loading
// or offers a retry.
import { Box, Link, Skeleton, Typography } from '@mui/material';
import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { useRowWindow } from '../lib/use-row-window.ts';
import { errorMessage } from './error-message.ts';

/** How many rows before the end of the loaded ones the next page is asked for. */
const PREFETCH_ROWS = 20;

type Pages = Pick<
  UseInfiniteQueryResult,
  'error' | 'isPending' | 'hasNextPage' | 'isFetchingNextPage' | 'isFetchNextPageError' | 'fetchNextPage'
>;

export interface InfiniteRowListProps {
  label: string;
  /** What the rows are, in the plural: "threads". */
  what: string;
  rowHeight: number;
  /** Loaded rows. */
  count: number;
  /** The infinite query whose pages hold the rows. */
  pages: Pages;
  renderRow: (index: number) => ReactNode;
  /** A stable key of row `index`, so that a row keeps its state while the list scrolls. */
  rowKey: (index: number) => string;
  /** The accessible name of row `index`. */
  rowLabel?: (index: number) => string | undefined;
}

function MorePagesRow({ pages, what }: { pages: Pages; what: string }) {
  if (!pages.isFetchNextPageError)
    return <Typography color="text.secondary">Loading more {what}…</Typography>;
  return (
    <Typography>
      Could not load more {what}: {errorMessage(pages.error, `more ${what}`).detail}{' '}
      <Link component="button" onClick={() => void pages.fetchNextPage()}>
        Retry
      </Link>
    </Typography>
  );
}

export function InfiniteRowList({
  label,
  what,
  rowHeight,
  count,
  pages,
  renderRow,
  rowKey,
  rowLabel,
}: InfiniteRowListProps) {
  const { isPending, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = pages;
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useRowWindow(scrollRef, count + (hasNextPage ? 1 : 0), rowHeight, 4);
  const lastRendered = rows.end - 1;
  const nearEnd = !isPending && lastRendered >= count - PREFETCH_ROWS;
  const fetchMore = useCallback(() => void fetchNextPage({ cancelRefetch: false }), [fetchNextPage]);
  useEffect(() => {
    if (nearEnd && hasNextPage && !isFetchingNextPage && !isFetchNextPageError) fetchMore();
  }, [nearEnd, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchMore]);

  return (
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
        aria-label={label}
        aria-busy={isPending}
        sx={{ height: isPending ? 'auto' : rows.totalHeight, position: 'relative' }}
      >
        {isPending
          ? Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} variant="rectangular" height={rowHeight - 8} sx={{ m: 1 }} />
            ))
          : Array.from({ length: rows.end - rows.start }, (_, i) => rows.start + i).map((row) => (
              <Box
                key={row < count ? rowKey(row) : 'end'}
                role="listitem"
                aria-label={row < count ? rowLabel?.(row) : undefined}
                sx={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: rowHeight,
                  px: 2,
                  display: 'flex',
                  flexDirection: 'column',
                  justifyContent: 'center',
                  borderBottom: 1,
                  borderColor: 'divider',
                }}
                style={{ transform: `translateY(${row * rowHeight}px)` }}
              >
                {row < count ? renderRow(row) : <MorePagesRow pages={pages} what={what} />}
              </Box>
            ))}
      </Box>
    </Box>
  );
}
