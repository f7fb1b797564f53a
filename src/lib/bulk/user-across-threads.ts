// One user removed from many threads, or added back to them, as one bulk operation. Its items are thread ids
// and each call carries one: endpoints 2 and 3 take one thread per call. Pacing, retries, cancel, outcomes and
// Retry failed are the engine's, exactly as for many users of one thread.
import { normalizeUsername } from '../username.ts';
import type { RemovalAnswer } from './batch-answers.ts';
import { BulkOperation, type BulkOperationOptions } from './bulk-operation.ts';
import { classifyFailure, type CallFailure } from './call-failure.ts';

/** Endpoint 3 for one thread: resolves with the API's answer per user. */
export type RemoveFromThread = (
  threadId: string,
  usernames: readonly string[],
) => Promise<readonly RemovalAnswer[]>;
/** Endpoint 2 for one thread: resolves when the API confirmed it. */
export type AddToThread = (threadId: string, usernames: readonly string[]) => Promise<void>;

type Common = Omit<
  BulkOperationOptions,
  'kind' | 'call' | 'usernames' | 'batchSize' | 'classify' | 'wasMember'
>;

/**
 * A thread deleted since the list was loaded answers 404: that ends this thread's item, not the operation
 * (for one thread's members it is fatal, since every other batch would get the same answer).
 */
export function classifyThreadFailure(error: unknown): CallFailure {
  const failure = classifyFailure(error);
  const status = (error as { status?: unknown } | null)?.status;
  if (failure.kind === 'fatal' && status === 404)
    return { kind: 'refused', reason: failure.reason, named: null };
  return failure;
}

function onlyThread(batch: readonly string[]): string {
  const [threadId] = batch;
  if (threadId === undefined || batch.length !== 1) throw new Error('Expected one thread per call.');
  return threadId;
}

export function removeUserFromThreads({
  username,
  threadIds,
  removeFrom,
  possiblyApplied,
  ...common
}: Common & {
  username: string;
  threadIds: readonly string[];
  removeFrom: RemoveFromThread;
  /** Threads a call may already have left the user in, unanswered (see BulkOperationOptions). */
  possiblyApplied?: readonly string[];
}): BulkOperation {
  const user = normalizeUsername(username);
  return new BulkOperation({
    ...common,
    kind: 'remove',
    ...(possiblyApplied ? { possiblyApplied } : {}),
    usernames: threadIds,
    batchSize: 1,
    classify: classifyThreadFailure,
    // The engine matches answers to its items; here an item is the thread, and the answer is about the user.
    call: async (batch) => {
      const threadId = onlyThread(batch);
      const answers = await removeFrom(threadId, [user]);
      const answer = answers.find((candidate) => normalizeUsername(candidate.user) === user);
      return answer ? [{ user: threadId, removed: answer.removed }] : [];
    },
  });
}

export function addUserToThreads({
  username,
  threadIds,
  addTo,
  ...common
}: Common & { username: string; threadIds: readonly string[]; addTo: AddToThread }): BulkOperation {
  const user = normalizeUsername(username);
  return new BulkOperation({
    ...common,
    kind: 'add',
    usernames: threadIds,
    batchSize: 1,
    classify: classifyThreadFailure,
    call: (batch) => addTo(onlyThread(batch), [user]),
  });
}
