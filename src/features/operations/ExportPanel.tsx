// An export in its operation window: how far the server's walk over the member pages got, whether the file
// holds as many members as the thread counts, and the file itself. The tab that started the export downloads
// the file by itself when it ends (also after a reload); the buttons fetch it again in either format.
import { Alert, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { useEffect } from 'react';
import type { OperationSummary } from '../../api/operations.ts';
import { errorMessage } from '../../components/error-message.ts';
import { takeAwaitedExport } from '../../lib/awaited-exports.ts';
import { formatCount, quantity } from '../../lib/quantity.ts';
import { isUnfinished } from './operation-queries.ts';
import { useExportDownload } from './use-export-download.ts';

const membersText = (n: number) => quantity(n, 'member', 'members');

/** Seconds for the last minute; minutes beyond (a 100,000-member export at 1 s a page takes half an hour). */
const timeLeft = (ms: number) =>
  ms < 60_000
    ? quantity(Math.ceil(ms / 1000), 'second', 'seconds')
    : quantity(Math.round(ms / 60_000), 'minute', 'minutes');

function statusText(operation: OperationSummary): string {
  const walk = operation.exportWalk;
  if (walk === null) return '';
  switch (operation.state) {
    case 'planning':
      return 'Getting ready';
    case 'running': {
      const again =
        walk.pass > 1
          ? `Reading the list again (walk ${walk.pass}): members left while it was read, and some may have been skipped · `
          : '';
      const left = operation.etaMs === null ? '' : ` · about ${timeLeft(operation.etaMs)} left`;
      return `${again}Read ${membersText(walk.walked)} · ${quantity(walk.pages, 'page', 'pages')} · ${quantity(operation.calls, 'call', 'calls')}${left}`;
    }
    case 'cancelling':
      return 'Cancelling';
    case 'finished':
      return walk.note === null
        ? `All ${membersText(walk.members)} are in the file, as many as the thread counts.`
        : `The file holds ${membersText(walk.members)}.`;
    case 'cancelled':
      return `Export cancelled after reading ${membersText(walk.walked)}: it has no file. Resume it to go on from there.`;
    case 'stopped':
      return `The export stopped after reading ${membersText(walk.walked)}: it has no file. Resume it to go on from there.`;
  }
}

export function ExportPanel({ operation }: { operation: OperationSummary }) {
  const download = useExportDownload(operation);
  const walk = operation.exportWalk;
  const { mutate } = download;
  const format = walk?.format ?? 'csv';
  const { id, state } = operation;
  useEffect(() => {
    if (isUnfinished(state)) return;
    // Taken once: another window or a later visit downloads only when asked.
    if (takeAwaitedExport(id) && state === 'finished') mutate(format);
  }, [id, state, format, mutate]);
  const finished = operation.state === 'finished';
  return (
    <Stack spacing={2}>
      <LinearProgress
        aria-label="Export progress"
        variant={finished ? 'determinate' : 'indeterminate'}
        {...(finished ? { value: 100 } : {})}
      />
      <Typography role="status" aria-label="Export status">
        {statusText(operation)}
      </Typography>
      {finished && walk?.note && <Alert severity="warning">{walk.note}</Alert>}
      {finished && (
        <Stack direction="row" spacing={1} role="group" aria-label="Download the file">
          <Button variant={format === 'csv' ? 'contained' : 'outlined'} onClick={() => mutate('csv')}>
            Download CSV
          </Button>
          <Button variant={format === 'txt' ? 'contained' : 'outlined'} onClick={() => mutate('txt')}>
            Download text file
          </Button>
        </Stack>
      )}
      <Typography variant="body2" role="status" aria-label="Download" color="text.secondary">
        {download.data !== undefined && walk !== null
          ? `Downloaded ${membersText(walk.members)} as ${download.data}`
          : ''}
      </Typography>
      {download.error && (
        <Alert severity="error">{errorMessage(download.error, 'the exported file').detail}</Alert>
      )}
      {operation.stopReason && <Alert severity="error">Stopped: {operation.stopReason}</Alert>}
      {walk !== null && finished && walk.threadCount !== null && walk.note === null && (
        <Typography variant="body2" color="text.secondary">
          Checked against the thread&apos;s member count ({formatCount(walk.threadCount)})
          {walk.pass > 1 ? ` after ${walk.pass} walks over the list: members left while it was read.` : '.'}
        </Typography>
      )}
    </Stack>
  );
}
