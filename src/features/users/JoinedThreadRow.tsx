// One thread of a user's list: a checkbox to select it (when it can be removed from), its name as a link, and
// what identifies it.
import { Box, Link, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import type { JoinedThread } from '../../api/user-threads.ts';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function JoinedThreadRow({
  thread,
  selected,
  onToggle,
}: {
  thread: JoinedThread;
  selected: boolean;
  /** Absent when the list is read-only (a viewer): nothing to select for. */
  onToggle: (() => void) | undefined;
}) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, minWidth: 0, height: '100%' }}>
      {onToggle && (
        <input
          type="checkbox"
          checked={selected}
          onChange={onToggle}
          aria-label={`Select ${thread.name}`}
          style={{ width: 18, height: 18, flexShrink: 0 }}
        />
      )}
      <Box sx={{ minWidth: 0 }}>
        <Link
          component={RouterLink}
          to={`/threads/${encodeURIComponent(thread.id)}`}
          noWrap
          sx={{ display: 'block', fontWeight: 500 }}
        >
          {thread.name}
        </Link>
        <Typography variant="body2" color="text.secondary" noWrap>
          ID {thread.id} · group {thread.groupId} · owner {thread.owner} · created{' '}
          {dateTime.format(thread.created)}
        </Typography>
      </Box>
    </Box>
  );
}
