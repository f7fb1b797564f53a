// The bulk engine for one run of an operation: its pending items as batches (one thread's users) or single
// calls (one user across threads), each marked sent in the store before it leaves, paced by the governor.
import { BulkOperation } from '../../src/lib/bulk/bulk-operation.ts';
import { addUserToThreads, removeUserFromThreads } from '../../src/lib/bulk/user-across-threads.ts';
import type { CallGovernor } from './call-governor.ts';
import type { ChatCalls } from './chat-calls.ts';
import type { OperationItem, OperationRecord, OperationStore } from './operation-store.ts';

export interface EngineContext {
  store: OperationStore;
  governor: CallGovernor;
  calls: ChatCalls;
  maxInFlight: number;
}

/** `items`: the run's pending items; those in flight may have been applied already. */
export function engineFor(
  record: OperationRecord,
  items: readonly OperationItem[],
  { store, governor, calls, maxInFlight }: EngineContext,
): BulkOperation {
  const { id } = record;
  const inFlight = items.filter((item) => item.inFlight);
  const common = {
    maxInFlight,
    pacer: governor.lane(record.kind === 'add' ? 'add-members' : 'remove-members', id),
  };
  if (record.scope === 'thread') {
    const threadId = record.threadId ?? '';
    const usernames = items.map((item) => item.username);
    const sent = (batch: readonly string[]) =>
      store.markSent(
        id,
        batch.map((username) => ({ threadId, username })),
      );
    return record.kind === 'add'
      ? new BulkOperation({
          ...common,
          kind: 'add',
          usernames,
          call: (batch) => {
            sent(batch);
            return calls.addMembers(threadId, batch);
          },
        })
      : new BulkOperation({
          ...common,
          kind: 'remove',
          usernames,
          possiblyApplied: inFlight.map((item) => item.username),
          call: (batch) => {
            sent(batch);
            return calls.removeMembers(threadId, batch);
          },
        });
  }
  const username = record.username ?? '';
  const threadIds = items.map((item) => item.threadId);
  const sent = (threadId: string) => store.markSent(id, [{ threadId, username }]);
  return record.kind === 'add'
    ? addUserToThreads({
        ...common,
        username,
        threadIds,
        addTo: (threadId, users) => {
          sent(threadId);
          return calls.addMembers(threadId, users);
        },
      })
    : removeUserFromThreads({
        ...common,
        username,
        threadIds,
        possiblyApplied: inFlight.map((item) => item.threadId),
        removeFrom: (threadId, users) => {
          sent(threadId);
          return calls.removeMembers(threadId, users);
        },
      });
}
