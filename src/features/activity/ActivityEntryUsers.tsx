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
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import type { ActivityEntry } from '../../api/activity.ts';
import { useApi } from '../../api/api-context.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { activityUsersQuery } from './activity-queries.ts';
import { OUTCOME_LABELS } from './outcome-labels.ts';

/** A 10,000-user operation is better read in the CSV export than in a page. */
const SHOWN_USERS = 500;
const count = new Intl.NumberFormat();

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
  // From the users rather than the entry: under a thread filter the entry counts one thread, but the users
  // are those of the whole operation.
  const acrossThreads = new Set(data.map((user) => user.threadId)).size > 1;
  return (
    <>
      {/* A long operation scrolls in its own box (focusable, so the keys scroll it) instead of lengthening the page. */}
      <TableContainer
        tabIndex={0}
        role="region"
        aria-label={`Users of the ${entry.action} by ${entry.actor}, scrollable`}
        sx={{ maxHeight: 400, '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' } }}
      >
        <Table stickyHeader size="small" aria-label={`Users of the ${entry.action} by ${entry.actor}`}>
          <TableHead>
            <TableRow>
              {acrossThreads && <TableCell>Thread</TableCell>}
              <TableCell>Username</TableCell>
              <TableCell>Outcome</TableCell>
              <TableCell>Chat API status</TableCell>
              <TableCell>Request ID</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.slice(0, SHOWN_USERS).map((user, i) => (
              <TableRow key={`${user.requestId}-${i}`}>
                {acrossThreads && (
                  <TableCell>
                    <ThreadLink threadId={user.threadId} />
                  </TableCell>
                )}
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{user.username}</TableCell>
                <TableCell>{OUTCOME_LABELS[user.outcome]}</TableCell>
                <TableCell>{user.upstreamStatus ?? 'no answer'}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{user.requestId}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {data.length > SHOWN_USERS && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Showing the first {count.format(SHOWN_USERS)} of {count.format(data.length)} users. Export CSV for
          all of them.
        </Typography>
      )}
    </>
  );
}
