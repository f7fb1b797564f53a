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
import { operations, type OperationEntry } from './operations.ts';

type Api = ReturnType<typeof useApi>;

const settledAs = (event: BatchSettled, ...statuses: OutcomeStatus[]) =>
  event.results.filter((result) => statuses.includes(result.outcome.status)).map((result) => result.username);

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
  operation.onBatchSettled((event) => showAddedMembers(queryClient, threadId, settledAs(event, 'added')));
  return operation;
}

export function removeMembersOperation(
  api: Api,
  queryClient: QueryClient,
  threadId: string,
  usernames: readonly string[],
  {
    wasMember,
    onGone,
  }: { wasMember?: (username: string) => boolean; onGone?: (usernames: readonly string[]) => void } = {},
) {
  const operationId = newOperationId();
  const operation = new BulkOperation({
    kind: 'remove',
    usernames,
    call: (batch) => removeThreadMembers(api, threadId, batch, { operationId }),
    pacer: pacerFor('remove'),
    ...(wasMember ? { wasMember } : {}),
  });
  operation.onBatchSettled((event) => {
    const gone = settledAs(event, 'removed', 'not-a-member');
    hideRemovedMembers(queryClient, threadId, gone);
    onGone?.(gone);
  });
  return operation;
}

/** One line of counts for a running or finished operation. */
export function operationSummary(snapshot: BulkSnapshot): string {
  const { counts } = snapshot;
  const count = new Intl.NumberFormat();
  const changed =
    snapshot.kind === 'add'
      ? `Added ${count.format(counts.added)} · refused ${count.format(counts.refused)}`
      : `Removed ${count.format(counts.removed)} · not members ${count.format(counts['not-a-member'])}`;
  return `${changed} · failed ${count.format(counts.failed)} · not sent ${count.format(counts['not-sent'])}`;
}

/** Lists the operation under Operations and starts it; the thread's summary refreshes when it ends. */
export function launch(queryClient: QueryClient, entry: Omit<OperationEntry, 'id'>): OperationEntry {
  const listed = operations.add(entry);
  // The engine settles every user even on errors; a rejection here is a defect, reported rather than lost.
  entry.operation
    .start()
    .finally(() => refreshThreadSummary(queryClient, entry.threadId))
    .catch(reportError);
  return listed;
}

export function retryFailed(queryClient: QueryClient, entry: OperationEntry): void {
  entry.operation
    .retryFailed()
    .finally(() => refreshThreadSummary(queryClient, entry.threadId))
    .catch(reportError);
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
