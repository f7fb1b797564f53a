// After an operation, what it touched may be out of date: the thread's details (with the member count), users'
// lists of threads and membership answers. The member list itself follows the operation's events.
import type { QueryClient } from '@tanstack/react-query';
import type { OperationSummary } from '../../api/operations.ts';

/**
 * After a change: the thread's other queries (its details, with the member count) fetch again, once; and
 * every user's list of threads and membership answer is out of date (only those on screen fetch again).
 */
function refreshThreadSummary(queryClient: QueryClient, threadId: string): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({
      queryKey: ['threads', threadId],
      predicate: (query) => query.queryKey[2] !== 'members',
    }),
    queryClient.invalidateQueries({ queryKey: ['users'] }),
  ]);
}

/** After an operation: the threads it touched fetch their details again; null (a reset): every thread. */
export function refreshAfterOperation(
  queryClient: QueryClient,
  operation: OperationSummary | null,
): Promise<unknown> {
  if (operation === null) return queryClient.invalidateQueries({ queryKey: ['threads'] });
  const threadIds = operation.threadId !== null ? [operation.threadId] : Object.keys(operation.threadNames);
  return Promise.all(threadIds.map((threadId) => refreshThreadSummary(queryClient, threadId)));
}
