// Where an operation stands: items done of total, calls, the endpoint's rate, time elapsed and left.
import { LinearProgress, Stack, Typography } from '@mui/material';
import type { CheckProgress, OperationState, OperationSummary } from '../../api/operations.ts';

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

const CHECKED: Record<CheckProgress['unit'], string> = { users: 'users looked up', members: 'members read' };

/**
 * Before an add sends anything it learns who is a member already, from the users' threads or the thread's
 * member list, which can take minutes in a large thread; anything else only reads the thread's name.
 */
function stateText({ state, kind, scope, checking }: OperationSummary): string {
  if (state !== 'planning' || kind !== 'add' || scope !== 'thread') return STATE_TEXT[state];
  const checked =
    checking === null
      ? ''
      : `: ${count.format(checking.done)} of ${count.format(checking.of)} ${CHECKED[checking.unit]}`;
  return `Checking who is a member already${checked}`;
}

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
