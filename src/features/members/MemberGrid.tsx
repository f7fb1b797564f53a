// A virtualized grid of usernames under a sticky header row: only the rows on screen exist in the DOM, whatever
// the thread's size. It fills the height its parent gives it and is the page's only scroll box.
import { Box, Button, CircularProgress } from '@mui/material';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { MEMBER_GRID_ID } from '../../lib/members-page-address.ts';
import { useRowWindow } from '../../lib/use-row-window.ts';
import { ROW_HEIGHTS, type MemberDensity } from './member-density.ts';

/** The header row keeps its height in both densities: its checkbox and labels need it. */
const HEADER_HEIGHT = 36;

export interface MemberGridProps {
  /** Every loaded member, in join order. */
  members: readonly string[];
  /** Positions in `members` to show, or null for all of them. */
  shown: readonly number[] | null;
  /** A trailing row after the members: loading, a failure with Retry, or a way to load more. */
  endRow: ReactNode;
  /** Called when the user nears the last row; the caller decides whether to fetch. */
  onNearEnd: () => void;
  /** How many rows before the end `onNearEnd` fires. */
  prefetchRows: number;
  selected: ReadonlySet<string>;
  /** Toggles the member shown at `row`; `range` extends from the last toggled row (shift). */
  onToggle: (row: number, range: boolean) => void;
  allLoadedSelected: boolean;
  onToggleAllLoaded: () => void;
  /** The thread's owner, marked in their row; undefined while the details load. */
  owner: string | undefined;
  density: MemberDensity;
  /** Delete on selected rows: asks to remove them. Absent for a viewer. */
  onRemoveSelected?: () => void;
}

export function MemberGrid({
  members,
  shown,
  endRow,
  onNearEnd,
  prefetchRows,
  selected,
  onToggle,
  allLoadedSelected,
  onToggleAllLoaded,
  owner,
  density,
  onRemoveSelected,
}: MemberGridProps) {
  const rowHeight = ROW_HEIGHTS[density];
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridId = useId();
  const [activeRow, setActiveRow] = useState(0);
  const memberCount = shown ? shown.length : members.length;
  const rowCount = memberCount + (endRow ? 1 : 0);
  const rows = useRowWindow(scrollRef, rowCount, rowHeight, 8, HEADER_HEIGHT);
  const lastRendered = rows.end - 1;
  // Rows are keyed by their place in the rendered window, not by member: as the window moves, its elements stay
  // and take the next members' texts and attributes, instead of new elements being built and styled (the costly
  // part of scrolling fast). They sit in the normal flow under a padding as tall as the rows above the window:
  // a transform on each row made every move restyle all of them, which took tens of milliseconds.

  useEffect(() => {
    if (lastRendered >= memberCount - prefetchRows) onNearEnd();
  }, [lastRendered, memberCount, prefetchRows, onNearEnd]);

  const active = Math.min(activeRow, Math.max(memberCount - 1, 0));
  const positionOf = (row: number) => (shown ? (shown[row] ?? row) : row);

  function moveTo(row: number) {
    const target = Math.max(0, Math.min(row, memberCount - 1));
    setActiveRow(target);
    rows.scrollToRow(target);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (memberCount === 0) return;
    if (event.key === ' ') {
      event.preventDefault();
      onToggle(active, event.shiftKey);
      return;
    }
    if (event.key === 'Delete' && onRemoveSelected && selected.size > 0) {
      event.preventDefault();
      onRemoveSelected();
      return;
    }
    const shownHeight = (scrollRef.current?.clientHeight ?? rowHeight * 10) - HEADER_HEIGHT;
    const pageRows = Math.max(1, Math.floor(shownHeight / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + pageRows,
      PageUp: active - pageRows,
      Home: 0,
      End: memberCount - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  }

  return (
    <Box
      ref={scrollRef}
      id={MEMBER_GRID_ID}
      role="grid"
      aria-label="Members"
      aria-multiselectable="true"
      aria-rowcount={endRow ? -1 : memberCount + 1}
      aria-activedescendant={memberCount > 0 ? `${gridId}-${active}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={() => {
        // Scrolled away from the active row with the mouse: keyboard work starts where the user is looking.
        if (active < rows.start || active >= rows.end) setActiveRow(rows.firstVisible);
      }}
      sx={{
        position: 'relative',
        flex: '1 1 0',
        minHeight: 6 * rowHeight + HEADER_HEIGHT,
        overflowY: 'auto',
        // The padding above the rows changes as they move: the browser must not scroll to make up for it.
        overflowAnchor: 'none',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 2 },
        '& [role=row]': {
          left: 0,
          right: 0,
          display: 'flex',
          alignItems: 'center',
          gap: 2,
          px: 2,
          borderBottom: 1,
          borderColor: 'divider',
        },
        '& .body [role=row]': { height: rowHeight },
        '& .header': {
          position: 'sticky',
          top: 0,
          zIndex: 1,
          bgcolor: 'background.paper',
          typography: 'body2',
          fontWeight: 500,
        },
        '& .header [role=row]': { height: HEADER_HEIGHT },
        // Only while the grid has focus: at rest, a grey first row would read as a header.
        '&:focus-visible [data-active]': { bgcolor: 'action.hover' },
        '& [aria-selected=true]': { bgcolor: 'action.selected' },
        '& .select': { display: 'flex' },
        '& .select input': { width: 18, height: 18, m: 0, cursor: 'pointer' },
        '& .position': {
          width: 72,
          color: 'text.secondary',
          fontVariantNumeric: 'tabular-nums',
          flexShrink: 0,
        },
        '& .username': { flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
        '& .role': { width: 64, flexShrink: 0, color: 'text.secondary' },
        ...(density === 'compact' && { typography: 'body2', '& .select input': { width: 16, height: 16 } }),
      }}
    >
      <div role="rowgroup" className="header">
        <div role="row" aria-rowindex={1}>
          <div role="columnheader" className="select">
            <input
              type="checkbox"
              aria-label="Select all loaded members"
              checked={allLoadedSelected}
              disabled={members.length === 0}
              onChange={onToggleAllLoaded}
              tabIndex={-1}
            />
          </div>
          <div role="columnheader" className="position">
            Position
          </div>
          <div role="columnheader" className="username">
            Username
          </div>
          <div role="columnheader" className="role">
            Role
          </div>
        </div>
      </div>
      <div
        role="rowgroup"
        className="body"
        style={{ height: rows.totalHeight, paddingTop: rows.start * rowHeight }}
      >
        {range(rows.start, rows.end).map((row) => {
          if (row >= memberCount) {
            return (
              <div key="end" role="row" aria-rowindex={row + 2}>
                <div role="gridcell">{endRow}</div>
              </div>
            );
          }
          const position = positionOf(row);
          const username = members[position] ?? '';
          return (
            <div
              key={row - rows.start}
              role="row"
              aria-rowindex={row + 2}
              data-username={username}
              data-active={row === active ? '' : undefined}
              aria-selected={selected.has(username)}
              onClick={() => setActiveRow(row)}
            >
              <div role="gridcell" className="select">
                <input
                  type="checkbox"
                  tabIndex={-1}
                  aria-label={`Select ${username}`}
                  checked={selected.has(username)}
                  onClick={(event) => onToggle(row, event.shiftKey)}
                  onChange={() => undefined}
                />
              </div>
              <div role="gridcell" className="position">
                {position + 1}
              </div>
              <div role="gridcell" className="username" id={`${gridId}-${row}`}>
                {username}
              </div>
              <div role="gridcell" className="role">
                {username === owner ? 'owner' : ''}
              </div>
            </div>
          );
        })}
      </div>
    </Box>
  );
}

function range(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i);
}

/** The trailing row's content while the next page loads. */
export function LoadingMoreRow() {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, color: 'text.secondary' }}>
      <CircularProgress size={16} aria-hidden /> Loading more members…
    </Box>
  );
}

/** The trailing row's content with an action, e.g. Retry after a failed page. */
export function EndRowAction({
  message,
  action,
  onAction,
}: {
  message: string;
  action: string;
  onAction: () => void;
}) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
      <span>{message}</span>
      <Button size="small" onClick={onAction}>
        {action}
      </Button>
    </Box>
  );
}
