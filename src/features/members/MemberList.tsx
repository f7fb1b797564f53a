// A thread's members: a compact toolbar (filter, page size, density, actions, status) over the virtualized grid
// of cursor pages, which takes the rest of the window's height.
import { Box, Button, Skeleton, Stack, Typography } from '@mui/material';
import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { errorMessage, isThreadNotFound } from '../../components/error-message.ts';
import { EndRowAction, LoadingMoreRow, MemberGrid } from './MemberGrid.tsx';
import { ROW_HEIGHTS, type MemberDensity } from './member-density.ts';
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
  /** The thread's owner, when its details are known: marked in the grid and named before a removal. */
  owner?: string;
  density?: MemberDensity;
  onDensityChange?: (density: MemberDensity) => void;
  /** More tools for the toolbar's first line (the membership check). */
  tools?: ReactNode;
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
  owner,
  density = 'standard',
  onDensityChange,
  tools,
}: MemberListProps) {
  const [adding, setAdding] = useState(false);
  const [exporting, setExporting] = useState(false);
  /** Null: no removal dialog; [] : remove by list; else the selected members. */
  const [removing, setRemoving] = useState<readonly string[] | null>(null);
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

  const ended = data !== undefined && !hasNextPage;
  const loaded = formatCount(members.length);
  const outOf = totalMembers === undefined || ended ? '' : ` of ${formatCount(totalMembers)}`;
  // Nothing loaded and a failure: the notice under the toolbar says what happened.
  const status = !data
    ? error
      ? ''
      : 'Loading members…'
    : filtering
      ? `${formatCount(shown.length)} of ${loaded} loaded members match “${filter.trim()}”${ended ? ' · all members loaded' : ''}`
      : `${loaded}${outOf} ${members.length === 1 && !outOf ? 'member' : 'members'} loaded${ended ? ' · end of list' : ''}`;

  const ownerSelected = owner !== undefined && selected.has(owner);

  const removeSelected = useCallback(() => setRemoving([...selected]), [selected]);
  const compact = density === 'compact';
  const controls = (
    <Stack spacing={1.5}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 1.5 }}>
        <TextInput
          label="Filter members"
          type="search"
          value={filter}
          onChange={(event) => onFilterChange(event.target.value)}
          sx={{ width: 240 }}
        />
        <PageSizeField value={pageSize} onChange={onPageSizeChange} />
        {onDensityChange && (
          <Button
            variant="outlined"
            aria-pressed={compact}
            onClick={() => onDensityChange(compact ? 'standard' : 'compact')}
            sx={{ height: 40, ...(compact && { bgcolor: 'action.selected' }) }}
          >
            Compact rows
          </Button>
        )}
        {tools}
      </Box>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        {mayChange && (
          <>
            <Button variant="contained" onClick={() => setAdding(true)}>
              Add members
            </Button>
            <Button color="error" variant="outlined" disabled={selected.size === 0} onClick={removeSelected}>
              Remove selected ({formatCount(selected.size)})
            </Button>
            <Button color="error" onClick={() => setRemoving([])}>
              Remove by list
            </Button>
          </>
        )}
        <Button onClick={() => setExporting(true)}>Export members</Button>
        <SelectionExport threadId={threadId} usernames={selection.inJoinOrder} />
        <Typography role="status" variant="body2" color="text.secondary" sx={{ ml: 'auto' }}>
          {status}
          {selected.size > 0 ? ` · ${formatCount(selected.size)} selected` : ''}
          {ownerSelected ? `, the owner ${owner} among them` : ''}
        </Typography>
      </Stack>
      {exporting && (
        <Suspense>
          <ExportMembersDialog
            threadId={threadId}
            threadName={threadName}
            totalMembers={totalMembers}
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
            owner={owner}
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

  return (
    <Stack spacing={1.5} sx={{ flexGrow: 1, minHeight: 0 }}>
      {controls}
      {isPending ? (
        <Stack role="grid" aria-label="Members" aria-busy="true" spacing={0.5} sx={{ flexGrow: 1 }}>
          {Array.from({ length: 10 }, (_, i) => (
            <Skeleton key={i} variant="rectangular" height={ROW_HEIGHTS[density] - 4} />
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
          allLoadedSelected={selection.allLoadedSelected}
          onToggleAllLoaded={selection.toggleAllLoaded}
          owner={owner}
          density={density}
          onRemoveSelected={mayChange ? removeSelected : undefined}
        />
      )}
    </Stack>
  );
}
