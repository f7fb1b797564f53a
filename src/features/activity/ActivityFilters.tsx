// The activity page's filters: thread, username, actor and a time range; applied to the address.
import { Button, Stack } from '@mui/material';
import { useState, type SubmitEvent } from 'react';
import { TextInput } from '../../components/TextInput.tsx';
import type { AddressFilter, FilterName } from './activity-address.ts';

const FIELDS: readonly { name: FilterName; label: string; type?: string }[] = [
  { name: 'thread', label: 'Thread ID' },
  { name: 'username', label: 'Username' },
  { name: 'actor', label: 'Done by' },
  { name: 'from', label: 'From', type: 'datetime-local' },
  { name: 'to', label: 'To', type: 'datetime-local' },
];

/** Remount with `key` when the address changes, so the fields show what is applied. */
export function ActivityFilters({
  applied,
  onApply,
}: {
  applied: AddressFilter;
  onApply: (filter: AddressFilter) => void;
}) {
  const [draft, setDraft] = useState<AddressFilter>(applied);
  const anyApplied = Object.keys(applied).length > 0;

  function apply(event: SubmitEvent) {
    event.preventDefault();
    onApply(draft);
  }

  return (
    <Stack component="form" aria-label="Filter activity" onSubmit={apply} noValidate spacing={1}>
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        {FIELDS.map(({ name, label, type }) => (
          <TextInput
            key={name}
            label={label}
            {...(type === undefined ? {} : { type })}
            value={draft[name] ?? ''}
            onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
            sx={{ width: type === undefined ? 180 : 230 }}
            shrinkLabel={type !== undefined}
          />
        ))}
        <Button type="submit" variant="contained">
          Apply filters
        </Button>
        <Button type="button" disabled={!anyApplied} onClick={() => onApply({})}>
          Clear filters
        </Button>
      </Stack>
    </Stack>
  );
}
