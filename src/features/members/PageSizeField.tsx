// Page size of the member list (members per request), 1 to 50; a change takes effect on Enter or when the field
// loses focus.
import { useState } from 'react';
import { TextInput } from '../../components/TextInput.tsx';
import { MAX_PAGE_SIZE, pageSizeFromParam } from '../../lib/members-page-address.ts';

export function PageSizeField({ value, onChange }: { value: number; onChange: (size: number) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(value);
  const size = pageSizeFromParam(text);
  const valid = String(size) === text;

  function commit() {
    if (valid && size !== value) onChange(size);
    if (valid) setDraft(null);
  }

  return (
    <TextInput
      label="Page size"
      inputMode="numeric"
      value={text}
      error={!valid}
      helperText={valid ? undefined : `A whole number from 1 to ${MAX_PAGE_SIZE}`}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
      sx={{ width: 120 }}
    />
  );
}
