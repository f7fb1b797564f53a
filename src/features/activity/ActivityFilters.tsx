// The activity page's filters: thread, username, actor and a time range; applied to the address.
import { Button, Stack } from '@mui/material';
import { useState, type SubmitEvent } from 'react';
import { TextInput } from '../../components/TextInput.tsx';
import { filterProblems, type AddressFilter, type FilterName } from './activity-address.ts';

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
  // Shown once Apply is pressed, each cleared as its field is edited.
  const [problems, setProblems] = useState<Partial<Record<FilterName, string>>>({});
  const anyApplied = Object.keys(applied).length > 0;

  function apply(event: SubmitEvent) {
    event.preventDefault();
    const found = filterProblems(draft);
    setProblems(found);
    if (Object.keys(found).length === 0) onApply(draft);
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
            onChange={(event) => {
              setDraft({ ...draft, [name]: event.target.value });
              // A range problem, shown on the "To", belongs to both ends: editing either clears it.
              setProblems(
                Object.fromEntries(
                  Object.entries(problems).filter(
                    ([field]) => field !== name && !(name === 'from' && field === 'to'),
                  ),
                ),
              );
            }}
            error={problems[name] !== undefined}
            helperText={problems[name]}
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
