import { expect, test } from 'vitest';
import { ADDED, NOT_SENT, PENDING, type UserOutcome } from '../../lib/bulk/outcomes.ts';
import { everyRow, resultRowList } from './BulkResults.tsx';

test('rows follow the input order, each user described as it stands when read, invalid entries last', () => {
  const outcomes = new Map<string, UserOutcome>([
    ['alice', ADDED],
    ['bob', PENDING],
  ]);
  const rows = resultRowList([...outcomes.keys()], outcomes, [{ entry: 'bad!', problem: 'bad-character' }]);
  expect(rows.length).toBe(3);
  expect(rows.at(1)).toEqual(['bob', 'waiting']);

  outcomes.set('bob', NOT_SENT);
  expect(everyRow(rows)).toEqual([
    ['alice', 'added'],
    ['bob', 'not sent (cancelled)'],
    ['bad!', 'invalid: only letters, digits, _ - and . are allowed'],
  ]);
});
