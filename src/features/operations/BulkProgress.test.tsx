// @vitest-environment jsdom
// What the progress line says while an add learns who is a member already, which in a large thread takes minutes.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { parseOperationSummary, type CheckProgress } from '../../api/operations.ts';
import { BulkProgress } from './BulkProgress.tsx';

afterEach(cleanup);

/** An add of 10,000 users to a thread, still planning, as the server sends it. */
const planningAdd = (checking: CheckProgress | null) =>
  parseOperationSummary({
    id: 'op-1',
    kind: 'add',
    scope: 'thread',
    threadId: '180000000100001',
    username: null,
    threadNames: { '180000000100001': 'Announcements' },
    label: 'Add 10,000 members to Announcements',
    actor: 'mia',
    createdAt: 0,
    state: 'planning',
    run: 1,
    stopReason: null,
    undoOf: null,
    undoneBy: null,
    leftAlone: [],
    invalidCount: 0,
    counts: { pending: 10_000 },
    total: 10_000,
    calls: 0,
    rateLimited: 0,
    retries: 0,
    currentRate: 0,
    elapsedMs: 32_000,
    etaMs: null,
    checking,
    exportWalk: null,
  });

it('says how many users it has looked up, or members of the list it has read', () => {
  render(<BulkProgress operation={planningAdd({ done: 3_200, of: 10_000, unit: 'users' })} />);
  expect(screen.getByRole('status').textContent).toMatch(
    /^Checking who is a member already: 3,200 of 10,000 users looked up · 0 of 10,000 users done/,
  );
  cleanup();
  render(<BulkProgress operation={planningAdd({ done: 1_250, of: 2_000, unit: 'members' })} />);
  expect(screen.getByRole('status').textContent).toMatch(
    /^Checking who is a member already: 1,250 of 2,000 members read/,
  );
});

it('says only what it does before the first answer', () => {
  render(<BulkProgress operation={planningAdd(null)} />);
  expect(screen.getByRole('status').textContent).toMatch(/^Checking who is a member already · 0 of 10,000/);
});
