// Downloads the activity matching the filters as CSV, one row per user per call.
import { Alert, Button, Stack } from '@mui/material';
import { useState } from 'react';
import { fetchActivityCsv, type ActivityFilter } from '../../api/activity.ts';
import { useApi } from '../../api/api-context.tsx';
import { errorMessage } from '../../components/error-message.ts';
import { downloadFile } from '../../lib/download-file.ts';
import { fileTimestamp } from '../../lib/file-timestamp.ts';

export function ActivityExportButton({ filter }: { filter: ActivityFilter }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function exportCsv() {
    setBusy(true);
    setProblem(null);
    try {
      downloadFile(await fetchActivityCsv(api, filter), `activity-${fileTimestamp(new Date())}.csv`);
    } catch (error) {
      const { title, detail } = errorMessage(error, 'the activity export');
      setProblem(`${title}. ${detail}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Button variant="outlined" onClick={() => void exportCsv()} disabled={busy}>
        {busy ? 'Exporting…' : 'Export CSV'}
      </Button>
      {problem && <Alert severity="error">{problem}</Alert>}
    </Stack>
  );
}
