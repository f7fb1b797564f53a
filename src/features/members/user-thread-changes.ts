// Removing one user from many threads, and its Undo (adding them back), wired to the API, the tab's shared
// budget, the operations list and the cached lists of every thread it touches.
import type { QueryClient } from '@tanstack/react-query';
import type { useApi } from '../../api/api-context.tsx';
import { addThreadMembers, removeThreadMembers } from '../../api/thread-member-changes.ts';
import { userThreadsKey } from '../../api/user-threads.ts';
import type { BulkOperation } from '../../lib/bulk/bulk-operation.ts';
import type { OutcomeStatus } from '../../lib/bulk/outcomes.ts';
import { addUserToThreads, removeUserFromThreads } from '../../lib/bulk/user-across-threads.ts';
import { newOperationId } from '../../lib/operation-id.ts';
import { pacerFor } from './call-budget.ts';
import { hideRemovedMembers, showAddedMembers } from './member-cache.ts';
import { launch, settledAs } from './member-changes.ts';
import { operations, type OperationEntry } from './operations.ts';
import { quantity } from '../../lib/quantity.ts';

type Api = ReturnType<typeof useApi>;

/** What an operation over one user's threads is about: its items are these threads' ids. */
export interface AcrossThreads {
  username: string;
  /** Each thread's name by id, for the results. */
  threadNames: ReadonlyMap<string, string>;
}

export const threadLabel = (across: AcrossThreads, threadId: string) =>
  `${across.threadNames.get(threadId) ?? 'Thread'} (ID ${threadId})`;

/** Patches each thread's cached member list as its call settles, as a one-thread operation does. */
function followInCache(
  operation: BulkOperation,
  queryClient: QueryClient,
  username: string,
  apply: (queryClient: QueryClient, threadId: string, usernames: readonly string[]) => void,
  ...statuses: OutcomeStatus[]
): BulkOperation {
  operation.onBatchSettled((event) => {
    for (const threadId of settledAs(event, ...statuses)) apply(queryClient, threadId, [username]);
  });
  return operation;
}

/** After a run: the threads' details (member counts) and the user's lists of threads fetch again. */
function refreshAfterRun(queryClient: QueryClient, across: AcrossThreads): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({
      predicate: ({ queryKey: [scope, threadId, part] }) =>
        scope === 'threads' &&
        typeof threadId === 'string' &&
        across.threadNames.has(threadId) &&
        part !== 'members',
    }),
    // The user page's lists of this user's threads.
    queryClient.invalidateQueries({ queryKey: userThreadsKey(across.username) }),
  ]);
}

function launchAcrossThreads(
  queryClient: QueryClient,
  across: AcrossThreads,
  { label, operation, isUndo }: { label: string; operation: BulkOperation; isUndo: boolean },
): OperationEntry {
  return launch(queryClient, {
    label,
    threadId: '',
    threadName: '',
    operation,
    invalid: [],
    isUndo,
    acrossThreads: across,
    refresh: () => refreshAfterRun(queryClient, across),
  });
}

const threadsText = (n: number) => quantity(n, 'thread', 'threads');

export function launchRemovalFromThreads(
  api: Api,
  queryClient: QueryClient,
  username: string,
  threads: readonly { id: string; name: string }[],
): OperationEntry {
  const across: AcrossThreads = { username, threadNames: new Map(threads.map((t) => [t.id, t.name])) };
  // Every thread's call carries this id, so the audit log shows the whole removal as one entry.
  const operationId = newOperationId();
  const operation = removeUserFromThreads({
    username,
    threadIds: [...across.threadNames.keys()],
    removeFrom: (threadId, usernames) => removeThreadMembers(api, threadId, usernames, { operationId }),
    pacer: pacerFor('remove'),
  });
  return launchAcrossThreads(queryClient, across, {
    label: `Remove ${username} from ${threadsText(across.threadNames.size)}`,
    operation: followInCache(operation, queryClient, username, hideRemovedMembers, 'removed', 'not-a-member'),
    isUndo: false,
  });
}

/** Undo: adds the user back to exactly the threads the removal took them out of. */
export function undoRemovalFromThreads(
  api: Api,
  queryClient: QueryClient,
  removal: OperationEntry,
  across: AcrossThreads,
  threadIds: readonly string[],
): OperationEntry {
  const { username } = across;
  const operationId = newOperationId();
  operations.markUndone(removal.id);
  const operation = addUserToThreads({
    username,
    threadIds,
    addTo: (threadId, usernames) => addThreadMembers(api, threadId, usernames, { operationId }),
    pacer: pacerFor('add'),
  });
  return launchAcrossThreads(queryClient, across, {
    label: `Undo: adding ${username} back to ${threadsText(threadIds.length)}`,
    operation: followInCache(operation, queryClient, username, showAddedMembers, 'added'),
    isUndo: true,
  });
}
