// Where a bulk operation stands: users done of total, calls, rate, time elapsed and left.
import { LinearProgress, Stack, Typography } from '@mui/material';
import type { BulkSnapshot } from '../../lib/bulk/progress.ts';

const count = new Intl.NumberFormat();
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const STATE_TEXT: Record<BulkSnapshot['state'], string> = {
  ready: 'Starting',
  running: 'Running',
  cancelling: 'Cancelling',
  finished: 'Finished',
  cancelled: 'Cancelled',
  stopped: 'Stopped',
};

export function BulkProgress({
  snapshot,
  items = 'users',
}: {
  snapshot: BulkSnapshot;
  /** What the operation's items are, in the plural. */
  items?: 'users' | 'threads';
}) {
  const done = snapshot.total - snapshot.counts.pending;
  const running = snapshot.state === 'running' || snapshot.state === 'cancelling';
  return (
    <Stack spacing={1}>
      <LinearProgress
        variant="determinate"
        value={snapshot.total === 0 ? 100 : (100 * done) / snapshot.total}
        aria-label="Progress"
      />
      <Typography variant="body2" role="status">
        {STATE_TEXT[snapshot.state]} · {count.format(done)} of {count.format(snapshot.total)} {items} done ·{' '}
        {count.format(snapshot.calls)} calls
        {snapshot.rateLimited > 0 ? ` · ${count.format(snapshot.rateLimited)} rate-limited` : ''}
        {running ? ` · ${snapshot.currentRate} calls/s` : ''} · {seconds(snapshot.elapsedMs)}
        {running && snapshot.etaMs !== null ? ` · about ${seconds(snapshot.etaMs)} left` : ''}
        {snapshot.state === 'cancelling' ? ' · cancelling: calls in flight finish' : ''}
      </Typography>
      {snapshot.stopReason && (
        <Typography variant="body2" color="error" role="alert">
          Stopped: {snapshot.stopReason}
        </Typography>
      )}
    </Stack>
  );
}
