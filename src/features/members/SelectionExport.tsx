// Copies the selected usernames to the clipboard or downloads them as CSV, and says what happened.
import { Button, Typography } from '@mui/material';
import { useState } from 'react';
import { formatCount, quantity } from '../../lib/quantity.ts';

export interface SelectionExportProps {
  threadId: string;
  /** The selected usernames, in join order. */
  usernames: readonly string[];
}

const usernamesText = (n: number) => quantity(n, 'username', 'usernames');

type Notice = { severity: 'success' | 'warning'; text: string } | null;

export function SelectionExport({ threadId, usernames }: SelectionExportProps) {
  const [notice, setNotice] = useState<Notice>(null);

  async function copy() {
    const copied = usernames.length;
    try {
      // `navigator.clipboard` is missing outside secure contexts, and writing is refused without permission.
      // One per line, as the plain-text export writes them and the add and remove dialogs read them.
      await navigator.clipboard.writeText(usernames.map((name) => `${name}\n`).join(''));
      setNotice({ severity: 'success', text: `Copied ${usernamesText(copied)}` });
    } catch {
      setNotice({
        severity: 'warning',
        text: 'The browser did not allow copying to the clipboard. Use Export selected instead, or allow clipboard access for this site and try again.',
      });
    }
  }

  async function download() {
    const saved = usernames.length;
    try {
      const { downloadSelection } = await import('./download-selection.ts');
      const name = await downloadSelection(threadId, usernames);
      setNotice({ severity: 'success', text: `Downloaded ${usernamesText(saved)} as ${name}` });
    } catch {
      setNotice({
        severity: 'warning',
        text: 'The export could not be loaded: the dashboard may have been updated. Reload the page and try again.',
      });
    }
  }

  const selected = formatCount(usernames.length);
  return (
    <>
      {usernames.length > 0 && (
        <>
          <Button onClick={() => void copy()} sx={{ alignSelf: 'flex-start' }}>
            Copy selected ({selected})
          </Button>
          <Button onClick={() => void download()} sx={{ alignSelf: 'flex-start' }}>
            Export selected ({selected})
          </Button>
        </>
      )}
      {/* A plain status line rather than an Alert: this sits on the members page's first bundle. */}
      <Typography
        variant="body2"
        role="status"
        aria-label="Copy and export"
        color={notice?.severity === 'warning' ? 'warning.main' : 'text.secondary'}
        sx={{ alignSelf: 'center' }}
      >
        {notice?.text ?? ''}
      </Typography>
    </>
  );
}
