// Starting and following operations through the server's own routes, for tests that drive a harness.
import { expect } from 'vitest';
import type { Harness } from '../test-harness.ts';
import type { OperationRecord } from './operation-store.ts';

export const JSON_HEADERS = { 'content-type': 'application/json' };

export interface Summary {
  id: string;
  state: string;
  label: string;
  actor: string;
  counts: Record<string, number>;
  undoneBy: string | null;
  undoOf: string | null;
  leftAlone: string[];
}

/** `[thread, user, status, reason, inferred]`, as GET /api/operations/{id} lists them. */
export type ItemRow = [string, string, string, string | null, boolean];

export async function start(h: Harness, body: unknown): Promise<Summary> {
  const response = await h.call('/api/operations', {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify(body),
  });
  expect(response.status, response.text).toBe(202);
  return (response.json as { operation: Summary }).operation;
}

/** `headers` and `from`: who asks, where sign-in names them (a trusted proxy's header and address). */
export async function detail(h: Harness, id: string, as?: { headers: Record<string, string>; from: string }) {
  const response = await h.call(`/api/operations/${id}`, { headers: as?.headers ?? {} }, as?.from);
  return response.json as { operation: Summary; items: ItemRow[] };
}

/** Waits on what the server reports, not on a time. */
export async function ended(h: Harness, id: string, as?: Parameters<typeof detail>[2]) {
  for (;;) {
    const { operation, items } = await detail(h, id, as);
    if (!['planning', 'running', 'cancelling'].includes(operation.state)) return { operation, items };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const outcomesOf = (items: ItemRow[]) =>
  Object.fromEntries(items.map(([, user, status]) => [user, status]));

/** A running removal from a thread, as the store records it, for tests that write the store directly. */
export function runningRemoval(
  id: string,
  threadId: string,
  change: Partial<OperationRecord> = {},
): OperationRecord {
  const now = Date.now();
  return {
    id,
    kind: 'remove',
    scope: 'thread',
    threadId,
    username: null,
    threadNames: {},
    label: `Remove members from thread ${threadId}`,
    actor: 'local',
    role: 'moderator',
    createdAt: now,
    state: 'running',
    run: 1,
    stopReason: null,
    undoOf: null,
    undoneBy: null,
    leftAlone: [],
    invalid: [],
    runStartedAt: now,
    runEndedAt: null,
    calls: 0,
    rateLimited: 0,
    retries: 0,
    exportWalk: null,
    ...change,
  };
}
