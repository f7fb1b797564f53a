// The two bulk changes of a thread's membership, wired to the API and to the cached member list.
import type { QueryClient } from '@tanstack/react-query';
import type { useApi } from '../../api/api-context.tsx';
import { addThreadMembers, removeThreadMembers } from '../../api/thread-member-changes.ts';
import { BulkOperation } from '../../lib/bulk/bulk-operation.ts';
import type { BatchSettled, OutcomeStatus } from '../../lib/bulk/outcomes.ts';
import type { BulkSnapshot } from '../../lib/bulk/progress.ts';
import { newOperationId } from '../../lib/operation-id.ts';
import { pacerFor } from './call-budget.ts';
import { hideRemovedMembers, refreshThreadSummary, showAddedMembers } from './member-cache.ts';
import { operations, type NewOperation, type OperationEntry } from './operations.ts';

type Api = ReturnType<typeof useApi>;

/** The items of a settled batch whose outcome is one of `statuses`. */
export const settledAs = (event: BatchSettled, ...statuses: OutcomeStatus[]) =>
  event.results.filter((result) => statuses.includes(result.outcome.status)).map((result) => result.username);

const BURST_MS = 250;

/**
 * Hands the users each batch settled to `apply` at most every quarter second, and at once when a run ends: at
 * 100 calls a second, patching a 10,000-member list per batch would redo the same work a hundred times.
 */
function inBursts(
  operation: BulkOperation,
  pick: (event: BatchSettled) => string[],
  apply: (usernames: string[]) => void,
): void {
  let waiting: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (waiting.length === 0) return;
    const usernames = waiting;
    waiting = [];
    apply(usernames);
  };
  operation.onBatchSettled((event) => {
    waiting.push(...pick(event));
    timer ??= setTimeout(flush, BURST_MS);
  });
  operation.subscribe(() => {
    const { state } = operation.getSnapshot();
    if (state !== 'running' && state !== 'cancelling') flush();
  });
}

/** Users of a finished operation whose membership it changed: what Undo reverses. */
export function changedUsers(snapshot: BulkSnapshot): string[] {
  const changed = snapshot.kind === 'add' ? 'added' : 'removed';
  return [...snapshot.outcomes].filter(([, outcome]) => outcome.status === changed).map(([name]) => name);
}

export function addMembersOperation(
  api: Api,
  queryClient: QueryClient,
  threadId: string,
  usernames: string[],
) {
  const operationId = newOperationId();
  const operation = new BulkOperation({
    kind: 'add',
    usernames,
    call: (batch) => addThreadMembers(api, threadId, batch, { operationId }),
    pacer: pacerFor('add'),
  });
  inBursts(
    operation,
    (event) => settledAs(event, 'added'),
    (added) => showAddedMembers(queryClient, threadId, added),
  );
  return operation;
}

export function removeMembersOperation(
  api: Api,
  queryClient: QueryClient,
  threadId: string,
  usernames: readonly string[],
  { wasMember }: { wasMember?: (username: string) => boolean } = {},
) {
  const operationId = newOperationId();
  const operation = new BulkOperation({
    kind: 'remove',
    usernames,
    call: (batch) => removeThreadMembers(api, threadId, batch, { operationId }),
    pacer: pacerFor('remove'),
    ...(wasMember ? { wasMember } : {}),
  });
  inBursts(
    operation,
    (event) => settledAs(event, 'removed', 'not-a-member'),
    (gone) => hideRemovedMembers(queryClient, threadId, gone),
  );
  return operation;
}

/** One line of counts for a running or finished operation, and whether it was undone since. */
export function operationSummary(snapshot: BulkSnapshot, undone = false): string {
  const { counts } = snapshot;
  const count = new Intl.NumberFormat();
  const changed =
    snapshot.kind === 'add'
      ? `Added ${count.format(counts.added)} · refused ${count.format(counts.refused)}`
      : `Removed ${count.format(counts.removed)} · not members ${count.format(counts['not-a-member'])}`;
  const rest = `failed ${count.format(counts.failed)} · not sent ${count.format(counts['not-sent'])}`;
  return `${changed} · ${rest}${undone ? ' · undone' : ''}`;
}

/** After a run: the entry's own refresh, else the thread's summary; a rejection is a defect, reported. */
function followRun(queryClient: QueryClient, entry: OperationEntry, run: Promise<unknown>): void {
  // The engine settles every user even on errors, so a run's promise does not reject but for a defect.
  run
    .finally(() => entry.refresh?.() ?? refreshThreadSummary(queryClient, entry.threadId))
    .catch(reportError);
}

/** Lists the operation under Operations and starts it; what it may have changed fetches again when it ends. */
export function launch(queryClient: QueryClient, entry: NewOperation): OperationEntry {
  const listed = operations.add(entry);
  followRun(queryClient, listed, entry.operation.start());
  return listed;
}

/**
 * The users a retry sends again: the failed ones, and after a stop or a cancel also those never sent, so that
 * the operation can be finished once the cause is dealt with.
 */
export function usersToRetry(snapshot: BulkSnapshot): { count: number; includesNotSent: boolean } {
  const notSent = snapshot.state === 'finished' ? 0 : snapshot.counts['not-sent'];
  return { count: snapshot.counts.failed + notSent, includesNotSent: notSent > 0 };
}

export function retryFailed(queryClient: QueryClient, entry: OperationEntry): void {
  const { includesNotSent } = usersToRetry(entry.operation.getSnapshot());
  followRun(queryClient, entry, entry.operation.retryFailed({ includeNotSent: includesNotSent }));
}

/** Reverses exactly the users `entry` changed, as an operation of its own. */
export function launchUndo(
  api: Api,
  queryClient: QueryClient,
  entry: OperationEntry,
  users: string[],
): OperationEntry {
  const { threadId, threadName } = entry;
  const undoAdd = entry.operation.kind === 'add';
  operations.markUndone(entry.id);
  return launch(queryClient, {
    label: undoAdd
      ? `Undo: removing the added members from ${threadName}`
      : `Undo: adding members back to ${threadName}`,
    threadId,
    threadName,
    operation: undoAdd
      ? removeMembersOperation(api, queryClient, threadId, users)
      : addMembersOperation(api, queryClient, threadId, users),
    invalid: [],
    isUndo: true,
  });
}
