// The usernames a moderator gives: typed or pasted, or read from a .csv or .txt file; with live counts and the
// reasons any entry will not be sent.
import { Alert, Button, Stack, Typography } from '@mui/material';
import { useRef, useState, type ChangeEvent } from 'react';
import { appendUsernames, readUsernameFile } from '../../lib/username-file.ts';
import { quantity } from '../../lib/quantity.ts';
import { PROBLEM_TEXT, type ParsedUsernames } from '../../lib/username-list.ts';
import { UsernamesBox } from './UsernamesBox.tsx';

const count = new Intl.NumberFormat();

// Hidden from sight but not from assistive technology or tests; the "Choose a file" button opens it.
const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
} as const;

type FileNotice = { severity: 'success' | 'warning' | 'error'; text: string };

export interface UsernameListInputProps {
  text: string;
  onTextChange: (text: string) => void;
  parsed: ParsedUsernames;
  /** Appended to the counts line, e.g. how many are members already. */
  summaryEnd?: string;
}

export function UsernameListInput({
  text,
  onTextChange: setText,
  parsed,
  summaryEnd = '',
}: UsernameListInputProps) {
  const [fileNotice, setFileNotice] = useState<FileNotice | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const [initialText] = useState(text);

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again (after editing it, say) reads it again.
    input.value = '';
    if (!file) return;
    const reading = await readUsernameFile(file);
    if (!reading.ok) {
      setFileNotice({ severity: 'error', text: reading.message });
      return;
    }
    if (reading.count === 0) {
      setFileNotice({ severity: 'warning', text: `Found no names in ${file.name}.` });
      return;
    }
    // The box owns its text (see UsernamesBox): the names go into it, and the change is reported as typing is.
    const next = appendUsernames(box.current?.value ?? text, reading.names);
    if (box.current) box.current.value = next;
    setText(next);
    const names = reading.count === 1 ? '1 name' : `${count.format(reading.count)} names`;
    const where = reading.source === 'first-column' ? ' (its first column: it has no "username" column)' : '';
    const read = `Read ${names} from ${file.name}${where}`;
    setFileNotice(
      reading.problem === null
        ? { severity: 'success', text: read }
        : {
            severity: 'warning',
            text: `${read}, but the file is not well-formed at ${reading.problem}. Check the names in the box against the file.`,
          },
    );
  }

  return (
    <>
      <UsernamesBox initialText={initialText} onText={setText} boxRef={box} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button
          variant="outlined"
          onClick={() => fileInput.current?.click()}
          aria-describedby="usernames-file-hint"
        >
          Choose a file
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          aria-label="Usernames file"
          // The button above is the keyboard path; a second, invisible tab stop would only confuse.
          tabIndex={-1}
          style={visuallyHidden}
          onChange={(event) => void readFile(event)}
        />
        <Typography id="usernames-file-hint" variant="body2" color="text.secondary">
          A .csv file (its "username" column, or else its first) or a .txt file, up to 1 MB. Its names are
          added to the box.
        </Typography>
      </Stack>
      {fileNotice && (
        <Alert
          severity={fileNotice.severity}
          role={fileNotice.severity === 'success' ? 'status' : 'alert'}
          onClose={() => setFileNotice(null)}
        >
          {fileNotice.text}
        </Alert>
      )}
      <Typography role="status" aria-label="Parsed usernames">
        {count.format(parsed.valid.length)} valid · {count.format(parsed.invalid.length)} invalid ·{' '}
        {quantity(parsed.duplicates.length, 'duplicate', 'duplicates')}
        {summaryEnd}
      </Typography>
      {parsed.lowerCased > 0 && (
        <Alert severity="info">
          {parsed.lowerCased === 1 ? '1 name has' : `${count.format(parsed.lowerCased)} names have`} capitals:
          usernames are not case-sensitive, so they are sent in lower case.
        </Alert>
      )}
      {parsed.invalid.length > 0 && (
        <Alert severity="warning">
          These entries are not usernames and will not be sent:{' '}
          {parsed.invalid
            .slice(0, 20)
            .map(({ entry, problem }) => `${entry || '(empty)'} (${PROBLEM_TEXT[problem]})`)
            .join(', ')}
          {parsed.invalid.length > 20 ? `, and ${count.format(parsed.invalid.length - 20)} more` : ''}.
        </Alert>
      )}
    </>
  );
}
