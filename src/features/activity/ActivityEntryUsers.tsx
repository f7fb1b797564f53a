// The per-user outcomes of one activity entry, loaded when the entry is expanded.
import {
  Link,
  Skeleton,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { Link as RouterLink } from 'react-router';
import type { ActivityEntry, ActivityUser } from '../../api/activity.ts';
import { useApi } from '../../api/api-context.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useRowWindow } from '../../lib/use-row-window.ts';
import { activityUsersQuery } from './activity-queries.ts';
import { OUTCOME_LABELS } from './outcome-labels.ts';

/** Each user's row, one line high whatever the name's length (longer text ends in an ellipsis, whole in its title). */
const ROW_HEIGHT = 33;

export function ThreadLink({ threadId }: { threadId: string }) {
  return (
    <Link component={RouterLink} to={`/threads/${encodeURIComponent(threadId)}`}>
      {threadId}
    </Link>
  );
}

export function ActivityEntryUsers({ entry }: { entry: ActivityEntry }) {
  const { data, error, isPending, refetch } = useQuery(
    activityUsersQuery(useApi(), entry.id, entry.endedAt.getTime()),
  );
  if (isPending) return <Skeleton variant="rectangular" height={96} aria-label="Loading the users" />;
  if (error) {
    return <ErrorNotice error={error} what="the users of this entry" onRetry={() => void refetch()} />;
  }
  return <UsersTable entry={entry} users={data} />;
}

/** A spacer for the rows not drawn above or below the window, so the scroll bar has the whole list's size. */
function SkippedRows({ rows, columns }: { rows: number; columns: number }) {
  if (rows === 0) return null;
  return (
    <TableRow aria-hidden>
      <TableCell colSpan={columns} sx={{ p: 0, border: 0 }} style={{ height: rows * ROW_HEIGHT }} />
    </TableRow>
  );
}

/**
 * Every user of the entry, in a box of its own that scrolls (focusable, so the keys scroll it) instead of
 * lengthening the page; only the rows in view are drawn, so a 10,000-user operation opens as fast as one user.
 */
function UsersTable({ entry, users }: { entry: ActivityEntry; users: readonly ActivityUser[] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useRowWindow(scrollRef, users.length, ROW_HEIGHT);
  // From the users rather than the entry: under a thread filter the entry counts one thread, but the users
  // are those of the whole operation.
  const acrossThreads = useMemo(() => new Set(users.map((user) => user.threadId)).size > 1, [users]);
  const columns = acrossThreads ? 5 : 4;
  const cell = {
    height: ROW_HEIGHT,
    py: 0,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  };
  return (
    <TableContainer
      ref={scrollRef}
      tabIndex={0}
      role="region"
      aria-label={`Users of the ${entry.action} by ${entry.actor}, scrollable`}
      sx={{ maxHeight: 400, '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' } }}
    >
      <Table
        stickyHeader
        size="small"
        aria-label={`Users of the ${entry.action} by ${entry.actor}`}
        aria-rowcount={users.length + 1}
        sx={{ tableLayout: 'fixed' }}
      >
        <TableHead>
          <TableRow aria-rowindex={1}>
            {acrossThreads && <TableCell>Thread</TableCell>}
            <TableCell>Username</TableCell>
            <TableCell>Outcome</TableCell>
            <TableCell>Chat API status</TableCell>
            <TableCell>Request ID</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          <SkippedRows rows={rows.start} columns={columns} />
          {users.slice(rows.start, rows.end).map((user, i) => (
            <TableRow key={rows.start + i} aria-rowindex={rows.start + i + 2}>
              {acrossThreads && (
                <TableCell sx={cell}>
                  <ThreadLink threadId={user.threadId} />
                </TableCell>
              )}
              <TableCell sx={cell} title={user.username}>
                {user.username}
              </TableCell>
              <TableCell sx={cell}>{OUTCOME_LABELS[user.outcome]}</TableCell>
              <TableCell sx={cell}>{user.upstreamStatus ?? 'no answer'}</TableCell>
              <TableCell sx={{ ...cell, fontFamily: 'monospace', fontSize: 12 }} title={user.requestId}>
                {user.requestId}
              </TableCell>
            </TableRow>
          ))}
          <SkippedRows rows={users.length - rows.end} columns={columns} />
        </TableBody>
      </Table>
    </TableContainer>
  );
}
