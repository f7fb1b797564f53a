// Some hosts answer "ok" to an add and silently skip users outside the thread's group. After an add, the
// users (or, for one user, the threads) it reported added are looked up once more, the quicker way; those
// not found are reported not added, and Undo leaves them alone.
import type { ChatCalls } from './chat-calls.ts';
import { joinedAmong, membersAmong, type WalkCheck } from './members-before.ts';

/** Pages of a user's threads read at most (50 each) before the check gives up. */
const MAX_USER_PAGES = 100;

/**
 * Who of `added` is not a member of the thread. When the thread's count grew by at least everyone the add
 * reported added or found already there (`joined`) since `countBefore`, one call settles it.
 */
export async function notAddedToThread(
  calls: ChatCalls,
  threadId: string,
  added: readonly string[],
  {
    countBefore,
    joined,
    check,
  }: { countBefore: number | null | undefined; joined: number; check: WalkCheck },
): Promise<string[]> {
  const facts = await calls.thread(threadId);
  if (
    countBefore !== null &&
    countBefore !== undefined &&
    facts.memberCount !== null &&
    facts.memberCount - countBefore >= joined
  ) {
    return [];
  }
  const signal = new AbortController().signal;
  const members = await membersAmong(calls, threadId, facts.memberCount, added, { signal, check });
  return added.filter((username) => !members.has(username));
}

/** Which of `threadIds` the user is not a member of, from the user's own list of threads. */
export async function threadsNotJoined(
  calls: ChatCalls,
  username: string,
  threadIds: readonly string[],
): Promise<string[]> {
  const joined = await joinedAmong(calls, username, threadIds, MAX_USER_PAGES);
  if (joined === null) {
    throw new Error(`${username} is in too many threads to check the add against their list of threads.`);
  }
  return threadIds.filter((threadId) => !joined.has(threadId));
}
