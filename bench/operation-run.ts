// One operation started through the server's HTTP API, as the dashboard starts it, followed until it ends, timed
// and checked against the emulator's true membership.
import type { KyInstance } from 'ky';
import {
  fetchOperation,
  fetchOperations,
  startOperation,
  type ChangeKind,
  type OperationSummary,
} from '../src/api/operations.ts';
import { checkMembership, trueMembers, type MembershipCheck } from './bulk-membership.ts';

export interface OperationRun {
  kind: ChangeKind;
  users: number;
  /** From the start request to the end of the operation. */
  wallMs: number;
  /** From the start request to the first user settled: how soon an operation gets its share. */
  firstSettledMs: number;
  operation: OperationSummary;
  membership: MembershipCheck;
}

export interface OperationTarget {
  api: KyInstance;
  emulatorControlUrl: string;
  threadId: string;
}

const FOLLOW_EVERY_MS = 100;
const ENDED = new Set(['finished', 'cancelled', 'stopped']);

const settledCount = (operation: OperationSummary) => operation.total - operation.counts.pending;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runOperation(
  { api, emulatorControlUrl, threadId }: OperationTarget,
  kind: ChangeKind,
  usernames: readonly string[],
  deadlineMs: number,
): Promise<OperationRun> {
  const before = await trueMembers(emulatorControlUrl, threadId);
  const startedAt = performance.now();
  const { id } = await startOperation(api, { kind, threadId, usernames });
  let firstSettledMs = Number.NaN;
  for (;;) {
    const summary = (await fetchOperations(api)).find((operation) => operation.id === id);
    if (summary === undefined) throw new Error(`Operation ${id} is missing from the list.`);
    if (Number.isNaN(firstSettledMs) && settledCount(summary) > 0) {
      firstSettledMs = performance.now() - startedAt;
    }
    if (ENDED.has(summary.state)) break;
    if (performance.now() - startedAt > deadlineMs) {
      throw new Error(`Operation ${id} had not ended after ${deadlineMs / 1000} s (${summary.state}).`);
    }
    await pause(FOLLOW_EVERY_MS);
  }
  const wallMs = performance.now() - startedAt;
  const { operation, items } = await fetchOperation(api, id);
  const statuses = new Map(items.map((item) => [item.username, item.status]));
  const members = await trueMembers(emulatorControlUrl, threadId);
  return {
    kind,
    users: usernames.length,
    wallMs,
    firstSettledMs,
    operation,
    membership: checkMembership(kind, usernames, statuses, before, members),
  };
}
