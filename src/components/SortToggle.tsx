import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import type { ThreadSort } from '../api/threads.ts';

/** Newest or oldest first: the API's `sort` of thread lists (by creation). */
export function SortToggle({
  label,
  sort,
  onChange,
}: {
  label: string;
  sort: ThreadSort;
  onChange: (sort: ThreadSort) => void;
}) {
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={sort}
      aria-label={label}
      onChange={(_, value: ThreadSort | null) => value && onChange(value)}
    >
      <ToggleButton value="desc">Newest first</ToggleButton>
      <ToggleButton value="asc">Oldest first</ToggleButton>
    </ToggleButtonGroup>
  );
}
