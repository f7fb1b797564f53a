import { expect, test } from 'vitest';
import type { OperationItem } from '../../api/operations.ts';
import { everyRow, resultRowList } from './BulkResults.tsx';

const item = (
  username: string,
  status: OperationItem['status'],
  reason: string | null = null,
): OperationItem => ({
  threadId: '1',
  username,
  status,
  reason,
  inferred: false,
});

/** One thread's results with one invalid entry. */
const results = (items: OperationItem[]) => ({
  operation: { scope: 'thread' as const, threadNames: {} },
  items,
  invalid: [{ entry: 'bad!', problem: 'bad-character' as const }],
});

test('problems come first, then invalid entries, then the rest, each group in the order given', () => {
  const items = [
    item('alice', 'added'),
    item('bob', 'refused', 'not in the group'),
    item('carol', 'pending'),
  ];
  expect(everyRow(resultRowList(results(items)))).toEqual([
    ['bob', 'refused: not in the group'],
    ['bad!', 'invalid: only letters, digits, _ - and . are allowed'],
    ['alice', 'added'],
    ['carol', 'waiting'],
  ]);
});

test('a filter shows one outcome, or the invalid entries', () => {
  const items = [item('alice', 'added'), item('bob', 'already-a-member'), item('carol', 'added')];
  expect(everyRow(resultRowList(results(items), 'added'))).toEqual([
    ['alice', 'added'],
    ['carol', 'added'],
  ]);
  expect(everyRow(resultRowList(results(items), 'already-a-member'))).toEqual([['bob', 'already a member']]);
  expect(resultRowList(results(items), 'invalid').length).toBe(1);
});

test("one user's threads are named by thread", () => {
  const rows = resultRowList({
    operation: { scope: 'user-threads', threadNames: { '7': 'Help desk' } },
    items: [{ ...item('spammer', 'removed'), threadId: '7' }],
    invalid: [],
  });
  expect(rows.at(0)).toEqual(['Help desk (ID 7)', 'removed']);
});
