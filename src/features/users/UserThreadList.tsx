// The threads a user joined, newest or oldest first, scrolled without end, with selection for removal.
import { Alert, AlertTitle, Button, Stack, Typography } from '@mui/material';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useApi } from '../../api/api-context.tsx';
import { ApiError } from '../../api/api-error.ts';
import type { ThreadSort } from '../../api/threads.ts';
import type { JoinedThread } from '../../api/user-threads.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { InfiniteRowList } from '../../components/InfiniteRowList.tsx';
import { SortToggle } from '../../components/SortToggle.tsx';
import { JoinedThreadRow } from './JoinedThreadRow.tsx';
import { userThreadsQuery } from './user-thread-queries.ts';
import { quantity } from '../../lib/quantity.ts';

const ROW_HEIGHT = 64;
const count = new Intl.NumberFormat();
const threadsText = (n: number) => quantity(n, 'thread', 'threads');

/** Which threads to remove the user from, and whether they are all the user's threads (of the group). */
export interface ThreadRemovalRequest {
  threads: readonly JoinedThread[];
  scope: 'selected' | 'all';
}

export interface UserThreadListProps {
  username: string;
  groupId: string | null;
  sort: ThreadSort;
  onSortChange: (sort: ThreadSort) => void;
  /** Offers removal from selected or all threads; without it the list is read-only. */
  onRemove?: (request: ThreadRemovalRequest) => void;
}

function UnknownUser({ username, groupId }: { username: string; groupId: string | null }) {
  return (
    <Alert severity="warning">
      <AlertTitle>{groupId ? 'No such user or group' : 'This user does not exist'}</AlertTitle>
      {groupId
        ? `The Chat API knows no user named ${username} or no group with ID ${groupId}. Check both, or clear the group to see all of the user's threads.`
        : `No user named ${username} exists in this app. Check the spelling, or search for another username in the top bar.`}
    </Alert>
  );
}

export function UserThreadList({ username, groupId, sort, onSortChange, onRemove }: UserThreadListProps) {
  const pages = useInfiniteQuery(userThreadsQuery(useApi(), username, groupId, sort));
  const { data, error, isPending, hasNextPage, fetchNextPage, refetch } = pages;
  const threads = useMemo(() => data?.pages.flatMap((page) => page.threads) ?? [], [data]);
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [loadingAll, setLoadingAll] = useState(false);
  const [loadAllError, setLoadAllError] = useState<unknown>(null);
  // Threads the user has left (after a removal the list is fetched again) drop out of the selection.
  const selected = useMemo(
    () => threads.filter((thread) => selectedIds.has(thread.id)),
    [threads, selectedIds],
  );
  const allSelected = threads.length > 0 && selected.length === threads.length;

  function toggle(threadId: string) {
    setSelectedIds((current) => {
      const next = new Set(current);
      if (!next.delete(threadId)) next.add(threadId);
      return next;
    });
  }

  /** Loads the pages not yet scrolled to, so that "all" means every thread the user joined. */
  async function removeFromAll() {
    setLoadingAll(true);
    setLoadAllError(null);
    try {
      let result = await fetchNextPage({ cancelRefetch: false });
      while (result.hasNextPage && !result.isFetchNextPageError) result = await fetchNextPage();
      if (result.isFetchNextPageError) {
        setLoadAllError(result.error);
        return;
      }
      onRemove?.({ threads: result.data?.pages.flatMap((page) => page.threads) ?? [], scope: 'all' });
    } finally {
      setLoadingAll(false);
    }
  }

  const sortControl = <SortToggle label="Sort threads" sort={sort} onChange={onSortChange} />;

  if (error && !data) {
    if (error instanceof ApiError && error.status === 404) {
      return <UnknownUser username={username} groupId={groupId} />;
    }
    return (
      <Stack spacing={2}>
        {sortControl}
        <ErrorNotice error={error} what={`the threads of ${username}`} onRetry={() => void refetch()} />
      </Stack>
    );
  }

  const ended = !isPending && !hasNextPage;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        {sortControl}
        {onRemove && (
          <>
            <Button
              color="error"
              variant="outlined"
              disabled={selected.length === 0}
              onClick={() => onRemove({ threads: selected, scope: 'selected' })}
            >
              Remove from selected threads ({count.format(selected.length)})
            </Button>
            {/* A user who joined no threads has nothing to be removed from: no action, rather than a dead one. */}
            {!(ended && threads.length === 0) && (
              <Button color="error" disabled={isPending || loadingAll} onClick={() => void removeFromAll()}>
                {loadingAll
                  ? 'Loading all threads…'
                  : ended
                    ? `Remove from all ${threadsText(threads.length)}`
                    : 'Remove from all threads'}
              </Button>
            )}
          </>
        )}
      </Stack>
      {loadAllError !== null && (
        <ErrorNotice
          error={loadAllError}
          what={`all the threads of ${username} (needed before removing them from every thread)`}
          onRetry={() => void removeFromAll()}
        />
      )}
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        {onRemove && (
          <label>
            <input
              type="checkbox"
              checked={allSelected}
              disabled={threads.length === 0}
              onChange={() => setSelectedIds(allSelected ? new Set() : new Set(threads.map((t) => t.id)))}
            />{' '}
            Select all loaded threads
          </label>
        )}
        <Typography role="status" color="text.secondary">
          {isPending
            ? 'Loading threads…'
            : `${threadsText(threads.length)} loaded${ended ? ' · end of list' : ''}`}
          {selected.length > 0 ? ` · ${count.format(selected.length)} selected` : ''}
        </Typography>
      </Stack>
      {!isPending && threads.length === 0 ? (
        <Typography>
          {groupId
            ? `${username} has joined no threads in group ${groupId}.`
            : `${username} has joined no threads.`}
        </Typography>
      ) : (
        <InfiniteRowList
          label={`Threads of ${username}`}
          rowHeight={ROW_HEIGHT}
          count={threads.length}
          what="threads"
          pages={pages}
          rowKey={(row) => threads[row]?.id ?? ''}
          rowLabel={(row) => threads[row]?.name}
          renderRow={(row) => {
            const thread = threads[row];
            return (
              thread && (
                <JoinedThreadRow
                  thread={thread}
                  selected={selectedIds.has(thread.id)}
                  onToggle={onRemove && (() => toggle(thread.id))}
                />
              )
            );
          }}
        />
      )}
    </Stack>
  );
}
