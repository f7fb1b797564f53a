// A thread's members: filter, page size, status and the virtualized grid over cursor pages.
import { Button, Skeleton, Stack, Typography } from '@mui/material';
import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import { useApi } from '../../api/api-context.tsx';
import { fetchThreadDetails } from '../../api/thread-details.ts';
import { fetchMemberPage } from '../../api/thread-members.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { errorMessage, isThreadNotFound } from '../../components/error-message.ts';
import { EndRowAction, LoadingMoreRow, MemberGrid } from './MemberGrid.tsx';
import { filterMembers } from './member-pages.ts';
import { useThreadMembers } from './use-thread-members.ts';
import { PageSizeField } from './PageSizeField.tsx';
import { useMemberSelection } from './use-member-selection.ts';
import { SelectionExport } from './SelectionExport.tsx';
import { formatCount } from '../../lib/quantity.ts';

export interface MemberListProps {
  threadId: string;
  pageSize: number;
  filter: string;
  onFilterChange: (filter: string) => void;
  onPageSizeChange: (pageSize: number) => void;
  /** For dialogs: the thread's name, or its id when the details are not known. */
  threadName: string;
  /** The thread's member count from its details, when known. */
  totalMembers: number | undefined;
  /** Shown instead of the list when the thread does not exist. */
  notFound: ReactNode;
  /** False for a viewer: the add and remove actions are left out (the server refuses them anyway). */
  mayChange?: boolean;
}

const NO_MEMBERS: readonly string[] = [];
// Dialogs load on demand: the members page's first bundle stays small.
const AddMembersDialog = lazy(async () => ({
  default: (await import('./AddMembersDialog.tsx')).AddMembersDialog,
}));
const RemoveMembersDialog = lazy(async () => ({
  default: (await import('./RemoveMembersDialog.tsx')).RemoveMembersDialog,
}));
const ExportMembersDialog = lazy(async () => ({
  default: (await import('./ExportMembersDialog.tsx')).ExportMembersDialog,
}));
export function MemberList({
  threadId,
  pageSize,
  filter,
  onFilterChange,
  onPageSizeChange,
  totalMembers,
  threadName,
  notFound,
  mayChange = true,
}: MemberListProps) {
  const [adding, setAdding] = useState(false);
  const [exporting, setExporting] = useState(false);
  /** Null: no removal dialog; [] : remove by list; else the selected members. */
  const [removing, setRemoving] = useState<readonly string[] | null>(null);
  const api = useApi();
  const {
    data,
    error,
    isPending,
    hasNextPage,
    isFetchingNextPage,
    isFetchNextPageError,
    fetchNextPage,
    refetch,
    members: loadedMembers,
  } = useThreadMembers(threadId, pageSize);
  const members = loadedMembers ?? NO_MEMBERS;
  const shown = useMemo(() => filterMembers(members, filter), [members, filter]);
  const filtering = shown !== null;
  const selection = useMemberSelection(loadedMembers, shown);
  const { selected } = selection;
  const loadMore = useCallback(() => void fetchNextPage({ cancelRefetch: false }), [fetchNextPage]);
  const onNearEnd = useCallback(() => {
    // While filtering, matches may be sparse: loading on sight would walk the whole thread, so the user asks.
    if (hasNextPage && !isFetchingNextPage && !isFetchNextPageError && !filtering) loadMore();
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, filtering, loadMore]);

  const controls = (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextInput
          label="Filter members"
          type="search"
          value={filter}
          onChange={(event) => onFilterChange(event.target.value)}
          helperText="Matches usernames among the loaded members"
          sx={{ flexGrow: 1, maxWidth: 420 }}
        />
        <PageSizeField value={pageSize} onChange={onPageSizeChange} />
      </Stack>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        {mayChange && (
          <>
            <Button variant="contained" onClick={() => setAdding(true)}>
              Add members
            </Button>
            <Button
              color="error"
              variant="outlined"
              disabled={selected.size === 0}
              onClick={() => setRemoving([...selected])}
            >
              Remove selected ({formatCount(selected.size)})
            </Button>
            <Button color="error" onClick={() => setRemoving([])}>
              Remove by list
            </Button>
          </>
        )}
        <Button onClick={() => setExporting(true)}>Export members</Button>
        <SelectionExport threadId={threadId} usernames={selection.inJoinOrder} />
      </Stack>
      {exporting && (
        <Suspense>
          <ExportMembersDialog
            threadId={threadId}
            threadName={threadName}
            totalMembers={totalMembers}
            fetchPage={(request, signal) => fetchMemberPage(api, { threadId, ...request }, signal)}
            fetchMemberCount={async (signal) => (await fetchThreadDetails(api, threadId, signal)).memberCount}
            onClose={() => setExporting(false)}
          />
        </Suspense>
      )}
      {removing && (
        <Suspense>
          <RemoveMembersDialog
            threadId={threadId}
            threadName={threadName}
            selected={removing.length > 0 ? removing : null}
            onClose={() => setRemoving(null)}
          />
        </Suspense>
      )}
      {adding && (
        <Suspense>
          <AddMembersDialog
            threadId={threadId}
            threadName={threadName}
            loadedMembers={members}
            onClose={() => setAdding(false)}
          />
        </Suspense>
      )}
    </Stack>
  );

  if (error && !data) {
    if (isThreadNotFound(error)) return notFound;
    return (
      <Stack spacing={2}>
        {controls}
        <ErrorNotice error={error} what="the members of this thread" onRetry={() => void refetch()} />
      </Stack>
    );
  }

  let endRow: ReactNode = null;
  if (isFetchNextPageError) {
    endRow = (
      <EndRowAction
        message={`Could not load more members. ${errorMessage(error, 'more members').detail}`}
        action="Retry"
        onAction={loadMore}
      />
    );
  } else if (isFetchingNextPage) {
    endRow = <LoadingMoreRow />;
  } else if (hasNextPage && filtering) {
    endRow = (
      <EndRowAction
        message="More members are not loaded yet."
        action="Load more members"
        onAction={loadMore}
      />
    );
  } else if (hasNextPage) {
    endRow = <LoadingMoreRow />;
  }

  const ended = !isPending && !hasNextPage;
  const loaded = formatCount(members.length);
  const outOf = totalMembers === undefined || ended ? '' : ` of ${formatCount(totalMembers)}`;
  const status = isPending
    ? 'Loading members…'
    : filtering
      ? `${formatCount(shown.length)} of ${loaded} loaded members match “${filter.trim()}”${ended ? ' · all members loaded' : ''}`
      : `${loaded}${outOf} ${members.length === 1 && !outOf ? 'member' : 'members'} loaded${ended ? ' · end of list' : ''}`;

  return (
    <Stack spacing={2}>
      {controls}
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <label>
          <input
            type="checkbox"
            checked={selection.allLoadedSelected}
            disabled={members.length === 0}
            onChange={selection.toggleAllLoaded}
          />{' '}
          Select all loaded members
        </label>
        <Typography role="status" color="text.secondary">
          {status}
          {selected.size > 0 ? ` · ${formatCount(selected.size)} selected` : ''}
        </Typography>
      </Stack>
      {isPending ? (
        <Stack role="grid" aria-label="Members" aria-busy="true" spacing={0.5}>
          {Array.from({ length: 10 }, (_, i) => (
            <Skeleton key={i} variant="rectangular" height={36} />
          ))}
        </Stack>
      ) : members.length === 0 ? (
        <Typography>This thread has no members.</Typography>
      ) : (
        <MemberGrid
          members={members}
          shown={shown}
          endRow={endRow}
          onNearEnd={onNearEnd}
          prefetchRows={Math.max(2 * pageSize, 60)}
          selected={selected}
          onToggle={selection.toggle}
        />
      )}
    </Stack>
  );
}
