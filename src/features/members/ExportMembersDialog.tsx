// Exports a thread's full member list as a file: says what the walk costs, then walks it with progress and cancel.
// Plain MUI parts only (Typography for the error, no FormControl or Alert): every module this lazy chunk shares
// with the members page's first bundle splits off a chunk there, and that bundle is at its size budget.
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  LinearProgress,
  Radio,
  RadioGroup,
  Stack,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../api/api-error.ts';
import { downloadFile } from '../../lib/download-file.ts';
import { callBudget, listPacer } from './call-budget.ts';
import { CallBudgetField } from './CallBudgetField.tsx';
import {
  EXPORT_PAGE_SIZE,
  estimateCalls,
  exportMembers,
  type ExportCheckpoint,
  type FetchMemberCount,
  type FetchMemberPage,
  type ExportOutcome,
  type ExportProgress,
} from './export-members.ts';
import {
  MEMBER_FILE_TYPE,
  memberFileName,
  memberFileText,
  type MemberFileFormat,
} from '../../lib/member-list-file.ts';
import { quantity } from '../../lib/quantity.ts';

export interface ExportMembersDialogProps {
  threadId: string;
  threadName: string;
  /** The thread's member count from its details, for the estimate; undefined when not known. */
  totalMembers: number | undefined;
  /** The thread's member count now, to check the finished export against. */
  fetchMemberCount: FetchMemberCount;
  /** A page of this thread's members. */
  fetchPage: FetchMemberPage;
  onClose: () => void;
}

const count = new Intl.NumberFormat();
const membersText = (n: number) => quantity(n, 'member', 'members');
const pagesText = (n: number) => quantity(n, 'page', 'pages');

type Step = { state: 'ready' } | { state: 'running'; progress: ExportProgress | null } | ExportOutcome;

/** The cost of the walk, said before it starts: a 100,000-member thread takes about 2,000 calls. */
export function exportEstimate(totalMembers: number | undefined, budget: number): string {
  if (totalMembers === undefined) {
    return `The member count of this thread is not known: the export walks pages of ${EXPORT_PAGE_SIZE} to the end, one call each, at the current budget of ${count.format(budget)} calls per second.`;
  }
  const calls = estimateCalls(totalMembers);
  const seconds = Math.max(1, Math.ceil(calls / budget));
  // Each page needs the cursor of the one before, so the calls go one after another: the budget is a floor.
  return `This walks ${pagesText(calls)}: about ${quantity(calls, 'call', 'calls')}, at least ${quantity(seconds, 'second', 'seconds')} at the current budget of ${count.format(budget)} calls per second, more when the Chat API answers slowly (each page waits for the one before).`;
}

/**
 * What went wrong, after the fetch layer's own retries. Not `errorMessage`: sharing that module with the
 * members page's first bundle would split it into a chunk of its own there.
 */
function failureText(error: ApiError): string {
  if (error.status === 429) {
    return 'The Chat API rate limit was still reached after several retries: lower the call budget under Operations, or wait a moment.';
  }
  if (error.status === 0) return error.description;
  return `The server answered HTTP ${error.status}: ${error.description}`;
}

function progressText(progress: ExportProgress | null): string {
  if (progress === null) return 'Starting…';
  const of = progress.estimatedCalls === null ? '' : ` of about ${count.format(progress.estimatedCalls)}`;
  return `Fetched ${membersText(progress.members)} · ${pagesText(progress.pages)}${of} · ${count.format(progress.calls)} calls`;
}

export function ExportMembersDialog({
  threadId,
  threadName,
  totalMembers,
  fetchPage,
  fetchMemberCount,
  onClose,
}: ExportMembersDialogProps) {
  const [format, setFormat] = useState<MemberFileFormat>('csv');
  const [step, setStep] = useState<Step>({ state: 'ready' });
  const [saved, setSaved] = useState<string | null>(null);
  const running = useRef<AbortController | null>(null);
  // Leaving the dialog stops the walk: nobody would get its file.
  useEffect(() => () => running.current?.abort(), []);

  async function start(resumeFrom?: ExportCheckpoint) {
    const controller = new AbortController();
    running.current = controller;
    setSaved(null);
    setStep({ state: 'running', progress: resumeFrom ? { ...resumeCounts(resumeFrom) } : null });
    const outcome = await exportMembers(fetchPage, {
      totalMembers,
      pacer: listPacer(),
      signal: controller.signal,
      onProgress: (progress) => setStep({ state: 'running', progress }),
      fetchMemberCount,
      ...(resumeFrom ? { resumeFrom } : {}),
    });
    if (running.current === controller) running.current = null;
    setStep(outcome);
  }

  function resumeCounts(from: ExportCheckpoint): ExportProgress {
    return {
      members: from.usernames.length,
      pages: from.pages,
      calls: from.calls,
      estimatedCalls: totalMembers === undefined ? null : estimateCalls(totalMembers),
    };
  }

  async function download(usernames: readonly string[]) {
    const name = memberFileName('members', threadId, new Date(), format);
    downloadFile(
      new Blob([await memberFileText(usernames, format)], { type: MEMBER_FILE_TYPE[format] }),
      name,
    );
    setSaved(`Downloaded ${membersText(usernames.length)} as ${name}`);
  }

  const busy = step.state === 'running';
  const progress = step.state === 'ready' ? null : step.progress;
  const percent =
    progress && progress.estimatedCalls !== null
      ? Math.min(100, (100 * progress.pages) / progress.estimatedCalls)
      : undefined;

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="export-members-title"
    >
      <DialogTitle id="export-members-title">Export the members of {threadName}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography>{exportEstimate(totalMembers, callBudget())}</Typography>
          {step.state === 'ready' && <CallBudgetField />}
          <div>
            <Typography id="export-format-label" color="text.secondary">
              File format
            </Typography>
            <RadioGroup
              row
              aria-labelledby="export-format-label"
              value={format}
              onChange={(event) => setFormat(event.target.value === 'txt' ? 'txt' : 'csv')}
            >
              <FormControlLabel value="csv" control={<Radio />} label="CSV" disabled={busy} />
              <FormControlLabel
                value="txt"
                control={<Radio />}
                label="Plain text (one username per line)"
                disabled={busy}
              />
            </RadioGroup>
          </div>
          {step.state !== 'ready' && (
            <LinearProgress
              aria-label="Export progress"
              variant={percent === undefined ? 'indeterminate' : 'determinate'}
              {...(percent === undefined ? {} : { value: step.state === 'finished' ? 100 : percent })}
            />
          )}
          <Typography role="status" aria-label="Export status">
            {step.state === 'running' && progressText(step.progress)}
            {step.state === 'finished' &&
              `All ${membersText(step.usernames.length)} fetched in ${count.format(step.progress.calls)} calls. ${saved ?? 'Ready to download.'}`}
            {step.state === 'cancelled' &&
              `Export cancelled after ${membersText(step.progress.members)} (${pagesText(step.progress.pages)}). Nothing was saved: a partial list is not the thread's member list.`}
          </Typography>
          {step.state === 'finished' &&
            step.threadCount !== null &&
            (step.changedDuringWalk || step.threadCount !== step.usernames.length) && (
              <Typography role="alert" color="warning.main">
                Members joined or left while the export ran: the thread now counts{' '}
                {membersText(step.threadCount)}, the export {membersText(step.usernames.length)}, and the file
                may miss some members or still list some who left. Export again for an exact list.
              </Typography>
            )}
          {step.state === 'failed' && (
            <Typography role="alert" color="error">
              Fetching page {count.format(step.progress.pages + 1)} of the member list failed after{' '}
              {membersText(step.progress.members)}. {failureText(step.error)} Retry goes on from that page.
            </Typography>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        {step.state === 'ready' && (
          <Button variant="contained" onClick={() => void start()}>
            Start export
          </Button>
        )}
        {step.state === 'running' && <Button onClick={() => running.current?.abort()}>Cancel export</Button>}
        {step.state === 'cancelled' && <Button onClick={() => void start()}>Start again</Button>}
        {step.state === 'failed' && (
          <Button variant="contained" onClick={() => void start(step.resumeFrom)}>
            Retry
          </Button>
        )}
        {step.state === 'finished' && (
          <Button variant="contained" onClick={() => void download(step.usernames)}>
            Download {format === 'csv' ? 'CSV' : 'text file'}
          </Button>
        )}
        <Button onClick={onClose} disabled={busy}>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
