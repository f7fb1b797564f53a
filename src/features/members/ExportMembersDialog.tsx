// Exports a thread's full member list as a file: the server walks the pages within the API budget it shares
// with every operation, and the export's operation window shows its progress and downloads the file when done.
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Radio,
  RadioGroup,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { awaitExport } from '../../lib/awaited-exports.ts';
import type { MemberFileFormat } from '../../lib/member-list-file.ts';
import { quantity } from '../../lib/quantity.ts';
import { StartFailure } from './StartFailure.tsx';
import { useStartOperation } from './use-start-operation.ts';

export interface ExportMembersDialogProps {
  threadId: string;
  threadName: string;
  /** The thread's member count from its details, for the estimate; undefined when not known. */
  totalMembers: number | undefined;
  onClose: () => void;
}

/** The API's largest page: one call per 50 members. */
const PAGE_SIZE = 50;

/** What the walk costs, said before it starts: a 100,000-member thread takes about 2,000 calls. */
export function exportEstimate(totalMembers: number | undefined): string {
  const shared =
    "within the Chat API's budget the server shares with every operation, one page after another. It goes on " +
    'if you close this window or reload the page, and stays under Operations with its file.';
  if (totalMembers === undefined) {
    return `The member count of this thread is not known: the server reads pages of ${PAGE_SIZE} to the end, ${shared}`;
  }
  const pages = Math.floor(totalMembers / PAGE_SIZE) + 1;
  return `The server reads ${quantity(totalMembers, 'member', 'members')} in about ${quantity(pages, 'page', 'pages')} of ${PAGE_SIZE}, ${shared}`;
}

export function ExportMembersDialog({
  threadId,
  threadName,
  totalMembers,
  onClose,
}: ExportMembersDialogProps) {
  const [format, setFormat] = useState<MemberFileFormat>('csv');
  const start = useStartOperation((operation) => {
    // This tab downloads the file when the export ends, even after a reload.
    awaitExport(operation.id);
    onClose();
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="export-members-title">
      <DialogTitle id="export-members-title">Export the members of {threadName}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography>{exportEstimate(totalMembers)}</Typography>
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
              <FormControlLabel value="csv" control={<Radio />} label="CSV" />
              <FormControlLabel value="txt" control={<Radio />} label="Plain text (one username per line)" />
            </RadioGroup>
          </div>
          <StartFailure error={start.error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
        <Button
          variant="contained"
          disabled={start.isPending}
          onClick={() => start.mutate({ kind: 'export', threadId, format })}
        >
          Start export
        </Button>
      </DialogActions>
    </Dialog>
  );
}
