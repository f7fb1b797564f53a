// Copy a bulk operation's results to the clipboard or download them as CSV, and say what happened.
import { Alert, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { downloadFile } from '../../lib/download-file.ts';
import { resultsCsv, resultsTabSeparated, type ResultRow } from './results-export.ts';
import { quantity } from '../../lib/quantity.ts';

const rowsText = (n: number) => quantity(n, 'row', 'rows');

export interface ResultsExportProps {
  rows: readonly ResultRow[];
  /** The download's name, asked for at the moment of the click so that its time is the time of saving. */
  fileName: () => string;
  /** The CSV heading of the first column (default `username`). */
  firstColumn?: 'username' | 'thread';
}

type Notice = { severity: 'success' | 'warning'; text: string } | null;

export function ResultsExport({ rows, fileName, firstColumn }: ResultsExportProps) {
  const [notice, setNotice] = useState<Notice>(null);

  async function copy() {
    const copied = rows.length;
    try {
      // `navigator.clipboard` is missing outside secure contexts, and writing is refused without permission.
      await navigator.clipboard.writeText(resultsTabSeparated(rows));
      setNotice({ severity: 'success', text: `Copied ${rowsText(copied)}` });
    } catch {
      setNotice({
        severity: 'warning',
        text: 'The browser did not allow copying to the clipboard. Use Download CSV instead, or allow clipboard access for this site and try again.',
      });
    }
  }

  async function download() {
    const name = fileName();
    downloadFile(new Blob([await resultsCsv(rows, firstColumn)], { type: 'text/csv;charset=utf-8' }), name);
    setNotice({ severity: 'success', text: `Downloaded ${rowsText(rows.length)} as ${name}` });
  }

  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} role="group" aria-label="Export results">
        <Button size="small" onClick={() => void copy()}>
          Copy results
        </Button>
        <Button size="small" onClick={() => void download()}>
          Download CSV
        </Button>
      </Stack>
      {notice?.severity === 'warning' ? (
        <Alert severity="warning" onClose={() => setNotice(null)}>
          {notice.text}
        </Alert>
      ) : (
        <Typography variant="body2" role="status" aria-label="Copy and download" color="text.secondary">
          {notice?.text ?? ''}
        </Typography>
      )}
    </Stack>
  );
}
