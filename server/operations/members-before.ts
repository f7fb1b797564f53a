// Who of the users an add names is a member already, learnt before anything is sent: the add endpoint answers
// "ok" either way, so only this tells "added" from "already a member", and Undo must not remove the latter.
// Two ways to know, and the cheaper is taken: read the thread's member list (a call per 50 members, one after
// another), or each user's threads (about a call per user, all at once).
import { ChatCallError, PAGE_SIZE, type ChatCalls, type MembersPage } from './chat-calls.ts';

/** A user in more threads than this is looked up in the member list instead. */
const MAX_USER_PAGES = 20;
const USERS_AT_ONCE = 200;

/**
 * `firstPage`: the member list's first page when it was asked for already, beside the thread's details (most
 * threads fit in one page, so planning then takes one wait for the API rather than two). It goes unused, and
 * its failure unheard, when the users' threads are the cheaper way.
 */
export async function membersAmong(
  calls: ChatCalls,
  threadId: string,
  memberCount: number | null,
  usernames: readonly string[],
  signal: AbortSignal,
  firstPage?: Promise<MembersPage>,
): Promise<Set<string>> {
  const listCalls = memberCount === null ? Number.POSITIVE_INFINITY : Math.floor(memberCount / PAGE_SIZE) + 1;
  if (listCalls > usernames.length) {
    firstPage?.catch(() => undefined);
    const found = await fromUserThreads(calls, threadId, usernames, signal);
    if (found !== null) return found;
  }
  return fromMemberList(calls, threadId, new Set(usernames), signal, firstPage);
}

async function fromMemberList(
  calls: ChatCalls,
  threadId: string,
  wanted: ReadonlySet<string>,
  signal: AbortSignal,
  firstPage: Promise<MembersPage> | undefined,
): Promise<Set<string>> {
  const members = new Set<string>();
  let cursor: string | null = null;
  let ahead = firstPage;
  do {
    signal.throwIfAborted();
    const page: MembersPage = await (ahead ?? calls.membersPage(threadId, cursor, signal));
    ahead = undefined;
    if (page.members.length === 0) break;
    for (const member of page.members) {
      const name = member.toLowerCase();
      if (wanted.has(name)) members.add(name);
    }
    cursor = page.cursor;
  } while (cursor !== null);
  return members;
}

/** Null when a user's threads are too many to read: the member list then answers for everyone. */
async function fromUserThreads(
  calls: ChatCalls,
  threadId: string,
  usernames: readonly string[],
  signal: AbortSignal,
): Promise<Set<string> | null> {
  const members = new Set<string>();
  const walk = { next: 0, undecided: false };
  const worker = async (): Promise<void> => {
    while (walk.next < usernames.length && !walk.undecided) {
      const username = usernames[walk.next++] ?? '';
      signal.throwIfAborted();
      const answer = await inThread(calls, threadId, username, signal);
      if (answer === null) walk.undecided = true;
      else if (answer) members.add(username);
    }
  };
  await Promise.all(Array.from({ length: Math.min(USERS_AT_ONCE, usernames.length) }, worker));
  return walk.undecided ? null : members;
}

async function inThread(
  calls: ChatCalls,
  threadId: string,
  username: string,
  signal: AbortSignal,
): Promise<boolean | null> {
  let cursor: string | null = null;
  for (let page = 0; page < MAX_USER_PAGES; page++) {
    let threadIds: string[];
    let next: string | null;
    try {
      ({ threadIds, cursor: next } = await calls.userThreadsPage(username, cursor, signal));
    } catch (error) {
      // A user the API does not know is in no thread; the add will say so for them.
      if (error instanceof ChatCallError && error.status === 404) return false;
      throw error;
    }
    if (threadIds.includes(threadId)) return true;
    if (threadIds.length === 0 || next === null) return false;
    cursor = next;
  }
  return null;
}
