// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, expect, it } from 'vitest';
import { parseActivityPage } from '../../api/activity.ts';
import { ActivityEntryItem } from './ActivityEntryItem.tsx';

afterEach(cleanup);

/** An entry as GET /api/activity sends it: a viewer's refused attempt on an operation. */
function refusedEntry(action: string) {
  const page = parseActivityPage({
    entries: [
      {
        id: 7,
        operationId: 'op-1',
        action,
        threadId: '1800001',
        threads: 1,
        actor: 'vic',
        role: 'viewer',
        startedAt: Date.parse('2026-12-01T10:00:00Z'),
        endedAt: Date.parse('2026-12-01T10:00:00Z'),
        calls: 1,
        outcomes: {},
        operation: null,
        username: null,
        refusal: 'forbidden_role (403): Your role (viewer) may not change members.',
      },
    ],
    nextCursor: null,
  });
  const [entry] = page.entries;
  if (entry === undefined) throw new Error('no entry');
  return entry;
}

it.each([
  ['undo', 'vic (viewer) tried to undo an operation on thread 1800001, refused'],
  ['cancel', 'vic (viewer) tried to cancel an operation on thread 1800001, refused'],
  ['retry', 'vic (viewer) tried to retry an operation on thread 1800001, refused'],
  ['other', 'vic (viewer) tried an operation of a kind the server does not know on thread 1800001, refused'],
])('names a refused %s as what was tried, with its reason and its operation', (action, summary) => {
  render(
    <MemoryRouter>
      <ActivityEntryItem entry={refusedEntry(action)} />
    </MemoryRouter>,
  );
  expect(screen.getByRole('listitem', { name: summary })).toBeTruthy();
  expect(screen.getByText(/^Refused, nothing was sent: forbidden_role \(403\)/)).toBeTruthy();
  expect(screen.getByRole('button', { name: `Open the operation: ${summary}` })).toBeTruthy();
});

it('refuses an action it does not know as a malformed answer', () => {
  expect(() => refusedEntry('delete')).toThrow('action is unknown');
});
