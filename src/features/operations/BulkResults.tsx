// The outcome of every item of an operation, problems first, filtered by outcome; entries that were never
// sent because they are invalid are listed with their reasons.
import { Box, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useMemo, useRef } from 'react';
import type { OperationDetail, OperationItem, OperationSummary } from '../../api/operations.ts';
import type { OutcomeStatus } from '../../lib/bulk/outcomes.ts';
import { useRowWindow } from '../../lib/use-row-window.ts';
import { PROBLEM_TEXT } from '../../lib/username-list.ts';
import { outcomeText, PROBLEMS } from './operation-text.ts';
import type { ResultRow } from './results-export.ts';

const ROW_HEIGHT = 32;
const count = new Intl.NumberFormat();

/** What the list shows: every row, one outcome, or the invalid entries. */
export type ResultsFilter = 'all' | OutcomeStatus | 'invalid';

const FILTER_TEXT: Record<Exclude<ResultsFilter, 'all'>, string> = {
  refused: 'Refused',
  failed: 'Failed',
  'not-sent': 'Not sent',
  invalid: 'Invalid',
  pending: 'Waiting',
  added: 'Added',
  'already-a-member': 'Already members',
  removed: 'Removed',
  'not-a-member': 'Not members',
};

/** The rows of a results list, each described only when read: while 10,000 items run, only those on screen are. */
export interface ResultRowList {
  readonly length: number;
  at(index: number): ResultRow;
}

/** What a results list is made of: an operation's detail. */
export type ResultsOf = {
  operation: Pick<OperationSummary, 'scope' | 'threadNames'>;
} & Pick<OperationDetail, 'items' | 'invalid'>;

/** Problems first (refused, failed, not sent, invalid), then the rest, each group in the order given. */
export function resultRowList(
  { operation, items, invalid: invalidEntries }: ResultsOf,
  filter: ResultsFilter = 'all',
): ResultRowList {
  const label = (item: OperationItem) =>
    operation.scope === 'user-threads'
      ? `${operation.threadNames[item.threadId] || 'Thread'} (ID ${item.threadId})`
      : item.username;
  const order: number[] = [];
  if (filter === 'all') {
    items.forEach((item, i) => PROBLEMS.includes(item.status) && order.push(i));
  } else if (filter !== 'invalid') {
    items.forEach((item, i) => item.status === filter && order.push(i));
  }
  const invalid = filter === 'all' || filter === 'invalid' ? invalidEntries : [];
  const rest: number[] = [];
  if (filter === 'all') items.forEach((item, i) => !PROBLEMS.includes(item.status) && rest.push(i));
  return {
    length: order.length + invalid.length + rest.length,
    at: (index) => {
      if (index < order.length) {
        const item = items[order[index] ?? -1];
        return item ? [label(item), outcomeText(item)] : ['', ''];
      }
      const entry = invalid[index - order.length];
      if (entry) return [entry.entry, `invalid: ${PROBLEM_TEXT[entry.problem]}`];
      const item = items[rest[index - order.length - invalid.length] ?? -1];
      return item ? [label(item), outcomeText(item)] : ['', ''];
    },
  };
}

export const everyRow = (rows: ResultRowList): ResultRow[] =>
  Array.from({ length: rows.length }, (_, i) => rows.at(i));

/** The outcomes present, with their counts, as buttons that filter the list. */
export function ResultsFilterButtons({
  operation,
  value,
  onChange,
}: {
  operation: OperationSummary;
  value: ResultsFilter;
  onChange: (filter: ResultsFilter) => void;
}) {
  const present = useMemo(() => {
    const counts: [Exclude<ResultsFilter, 'all'>, number][] = [
      ...(Object.keys(FILTER_TEXT) as Exclude<ResultsFilter, 'all'>[])
        .filter((status) => status !== 'invalid')
        .map((status): [Exclude<ResultsFilter, 'all'>, number] => [status, operation.counts[status]]),
      ['invalid', operation.invalidCount],
    ];
    return counts.filter(([, n]) => n > 0);
  }, [operation]);
  if (present.length < 2) return null;
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={value}
      onChange={(_, next: ResultsFilter | null) => onChange(next ?? 'all')}
      aria-label="Show results"
      sx={{ flexWrap: 'wrap' }}
    >
      <ToggleButton value="all">All {count.format(operation.total + operation.invalidCount)}</ToggleButton>
      {present.map(([status, n]) => (
        <ToggleButton key={status} value={status}>
          {FILTER_TEXT[status]} {count.format(n)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}

export function BulkResults({ rows }: { rows: ResultRowList }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const window = useRowWindow(scrollRef, rows.length, ROW_HEIGHT);
  return (
    <Box
      ref={scrollRef}
      // The rows hold nothing focusable: the scroll area itself takes focus, so the keys scroll it.
      tabIndex={0}
      role="region"
      aria-label="Results, scrollable"
      sx={{
        height: 240,
        overflowY: 'auto',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 2 },
      }}
    >
      <Box role="list" aria-label="Results" sx={{ position: 'relative', height: window.totalHeight }}>
        {Array.from({ length: window.end - window.start }, (_, i) => rows.at(window.start + i)).map(
          ([name, outcome], i) => (
            <Box
              key={`${window.start + i}`}
              role="listitem"
              sx={{
                position: 'absolute',
                left: 0,
                right: 0,
                height: ROW_HEIGHT,
                px: 2,
                display: 'flex',
                gap: 2,
                alignItems: 'center',
              }}
              style={{ transform: `translateY(${(window.start + i) * ROW_HEIGHT}px)` }}
            >
              <Typography component="span" sx={{ minWidth: '16ch', overflowWrap: 'anywhere' }}>
                {name}
              </Typography>
              <Typography component="span" color="text.secondary" noWrap title={outcome}>
                {outcome}
              </Typography>
            </Box>
          ),
        )}
      </Box>
    </Box>
  );
}
