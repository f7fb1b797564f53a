// The outcome of every user of a bulk operation, and of every entry that was never sent because it is invalid.
import { Box, Typography } from '@mui/material';
import { useRef } from 'react';
import { PENDING, type UserOutcome } from '../../lib/bulk/outcomes.ts';
import type { BulkSnapshot } from '../../lib/bulk/progress.ts';
import { useRowWindow } from '../../lib/use-row-window.ts';
import { PROBLEM_TEXT, type ParsedUsernames } from '../../lib/username-list.ts';
import type { ResultRow } from './results-export.ts';

const ROW_HEIGHT = 32;

function describe(outcome: UserOutcome): string {
  switch (outcome.status) {
    case 'pending':
      return 'waiting';
    case 'added':
      return 'added';
    case 'already-a-member':
      return 'already a member';
    case 'removed':
      return outcome.inferred ? 'removed (by an earlier attempt whose answer was lost)' : 'removed';
    case 'not-a-member':
      return 'not a member';
    case 'refused':
      return `refused: ${outcome.reason}`;
    case 'failed':
      return `failed: ${outcome.reason}`;
    case 'not-sent':
      return outcome.reason ? `not sent: ${outcome.reason}` : 'not sent (cancelled)';
  }
}

/** The results, each row described only when read: while 10,000 users run, only the rows on screen are. */
export interface ResultRowList {
  readonly length: number;
  at(index: number): ResultRow;
}

/** `usernames`: the outcome map's keys in order, listed once per operation (its users never change). */
export function resultRowList(
  usernames: readonly string[],
  outcomes: BulkSnapshot['outcomes'],
  invalid: ParsedUsernames['invalid'],
): ResultRowList {
  return {
    length: usernames.length + invalid.length,
    at: (index) => {
      const name = usernames[index];
      if (name !== undefined) return [name, describe(outcomes.get(name) ?? PENDING)];
      const entry = invalid[index - usernames.length];
      return entry ? [entry.entry, `invalid: ${PROBLEM_TEXT[entry.problem]}`] : ['', ''];
    },
  };
}

export const everyRow = (rows: ResultRowList): ResultRow[] =>
  Array.from({ length: rows.length }, (_, i) => rows.at(i));

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
              <Typography component="span" color="text.secondary">
                {outcome}
              </Typography>
            </Box>
          ),
        )}
      </Box>
    </Box>
  );
}
