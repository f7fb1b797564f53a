// Where an operation stands: items done of total, calls, the endpoint's rate, time elapsed and left.
import { LinearProgress, Stack, Typography } from '@mui/material';
import type { OperationState, OperationSummary } from '../../api/operations.ts';

const count = new Intl.NumberFormat();
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const STATE_TEXT: Record<OperationState, string> = {
  planning: 'Getting ready',
  running: 'Running',
  cancelling: 'Cancelling (calls in flight finish)',
  finished: 'Finished',
  cancelled: 'Cancelled',
  stopped: 'Stopped',
};

/** Before an add sends anything it learns who is a member already; anything else only reads the thread's name. */
const stateText = (operation: OperationSummary) =>
  operation.state === 'planning' && operation.kind === 'add' && operation.scope === 'thread'
    ? 'Checking who is a member already'
    : STATE_TEXT[operation.state];

export function BulkProgress({ operation }: { operation: OperationSummary }) {
  const done = operation.total - operation.counts.pending;
  const running = operation.state === 'running' || operation.state === 'cancelling';
  const items = operation.scope === 'user-threads' ? 'threads' : 'users';
  return (
    <Stack spacing={1}>
      <LinearProgress
        variant="determinate"
        value={operation.total === 0 ? 100 : (100 * done) / operation.total}
        aria-label="Progress"
      />
      <Typography variant="body2" role="status">
        {stateText(operation)} · {count.format(done)} of {count.format(operation.total)} {items} done ·{' '}
        {count.format(operation.calls)} {operation.calls === 1 ? 'call' : 'calls'}
        {operation.rateLimited > 0 ? ` · ${count.format(operation.rateLimited)} rate-limited` : ''}
        {running ? ` · ${operation.currentRate} calls/s` : ''} · {seconds(operation.elapsedMs)}
        {running && operation.etaMs !== null ? ` · about ${seconds(operation.etaMs)} left` : ''}
      </Typography>
      {operation.stopReason && (
        <Typography variant="body2" color="error" role="alert">
          Stopped: {operation.stopReason}
        </Typography>
      )}
    </Stack>
  );
}
