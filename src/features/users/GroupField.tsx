// Limits a user's threads to one group; applied on Enter, so that half-typed ids send no requests.
import { Button, Stack } from '@mui/material';
import { useState, type SubmitEvent } from 'react';
import { TextInput } from '../../components/TextInput.tsx';
import { isGroupId } from '../../lib/chat-ids.ts';

export function GroupField({
  groupId,
  onChange,
}: {
  groupId: string | null;
  onChange: (groupId: string | null) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? groupId ?? '';
  const entry = text.trim();
  const valid = entry === '' || isGroupId(entry);

  function apply(event: SubmitEvent) {
    event.preventDefault();
    if (!valid) return;
    onChange(entry === '' ? null : entry);
    setDraft(null);
  }

  return (
    <Stack
      component="form"
      direction="row"
      spacing={1}
      onSubmit={apply}
      aria-label="Limit to one group"
      noValidate
      sx={{ alignItems: 'flex-start' }}
    >
      <TextInput
        label="Group ID (optional)"
        inputMode="numeric"
        value={text}
        onChange={(event) => setDraft(event.target.value)}
        error={!valid}
        helperText={
          valid
            ? 'Only threads of this group; empty for all groups'
            : 'A group ID has only digits, e.g. 179800040062977. Correct it or clear the field.'
        }
        autoComplete="off"
        sx={{ width: 300 }}
      />
      <Button type="submit" variant="outlined" disabled={!valid}>
        Apply
      </Button>
    </Stack>
  );
}
