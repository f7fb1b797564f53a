// Who of the users an add names is a member already, learnt before anything is sent: the add endpoint answers
// "ok" either way, so only this tells "added" from "already a member", and Undo must not remove the latter.
// Two ways to know, and the quicker is taken: read the thread's member list (a call per 50 members, one after
// another), or each user's threads (about a call per user, all at once). A walk that members leaving may have
// cut short is made again, as an export's is.
import { setMaxListeners } from 'node:events';
import { ChatCallError, PAGE_SIZE, type ChatCalls, type MembersPage } from './chat-calls.ts';
import { MAX_PASSES } from './export-check.ts';

/** A user in more threads than this is looked up in the member list instead. */
const MAX_USER_PAGES = 20;
const USERS_AT_ONCE = 200;

/**
 * Whether a walk over the member list may have skipped members. Where cursors are offsets, a member who leaves
 * from a page already read shifts every later member one place back, so the next page skips one.
 */
export interface WalkCheck {
  now: () => number;
  /** A removal from the thread went through this server since `time` (the audit log knows). */
  removalSince: (time: number) => boolean;
}

/** How far learning who is a member already has come: users looked up, or members of the list read. */
export interface CheckProgress {
  done: number;
  of: number;
  unit: 'users' | 'members';
}

/** The member list's first page, asked for beside the thread's details, and when it was asked for. */
export interface FirstPage {
  page: Promise<MembersPage>;
  askedAt: number;
}

/**
 * How fast the API answers and how many calls a second an endpoint takes: the member list is read a page after
 * another, at the API's latency, and the users' threads all at once, at the budget.
 */
export interface ReadPace {
  latencyMs: number;
  callsPerSecond: number;
}

/**
 * Whether each user's threads are learnt sooner than the member list is read (the first page of which is
 * asked for already). Without a pace, the way with fewer calls.
 */
export function quickerByUsers(memberCount: number | null, users: number, pace?: ReadPace): boolean {
  if (memberCount === null) return true;
  const listCalls = Math.floor(memberCount / PAGE_SIZE) + 1;
  if (pace === undefined) return listCalls > users;
  const listMs = (listCalls - 1) * pace.latencyMs;
  const usersMs = (users / pace.callsPerSecond) * 1000 + pace.latencyMs;
  return usersMs < listMs;
}

/**
 * `firstPage`: the member list's first page when it was asked for already (most threads fit in one page, so
 * planning then takes one wait for the API rather than two). It goes unused, and its failure unheard, when the
 * users' threads are the quicker way (`pace`: see quickerByUsers).
 */
export async function membersAmong(
  calls: ChatCalls,
  threadId: string,
  memberCount: number | null,
  usernames: readonly string[],
  {
    signal,
    check,
    firstPage,
    pace,
    onProgress,
  }: {
    signal: AbortSignal;
    check: WalkCheck;
    firstPage?: FirstPage;
    pace?: ReadPace;
    onProgress?: (progress: CheckProgress) => void;
  },
): Promise<Set<string>> {
  if (quickerByUsers(memberCount, usernames.length, pace)) {
    firstPage?.page.catch(() => undefined);
    const found = await fromUserThreads(calls, threadId, usernames, signal, onProgress);
    if (found !== null) return found;
  }
  const wanted = new Set(usernames);
  const members = new Set<string>();
  let count = memberCount;
  let ahead = firstPage;
  // A walk that read as many members as the thread had when it began, with no removal meanwhile, read them all.
  // Otherwise the list is walked again: a member found by any walk is a member.
  for (let pass = 1; ; pass++) {
    const startedAt = ahead?.askedAt ?? check.now();
    const read = await walkMemberList(calls, threadId, {
      wanted,
      members,
      signal,
      firstPage: ahead?.page,
      onRead: (done) => onProgress?.({ done, of: Math.max(count ?? done, done), unit: 'members' }),
    });
    ahead = undefined;
    const whole = (count === null || read >= count) && !check.removalSince(startedAt);
    if (whole) return members;
    if (pass === MAX_PASSES) {
      // Members kept leaving: those the walks did not find are asked about one by one.
      const unfound = usernames.filter((username) => !members.has(username));
      const found = await fromUserThreads(calls, threadId, unfound, signal, onProgress);
      for (const member of found ?? []) members.add(member);
      return members;
    }
    count = (await calls.thread(threadId, signal)).memberCount;
  }
}

/** Adds the `wanted` users the list holds to `members`; how many members the walk read. */
async function walkMemberList(
  calls: ChatCalls,
  threadId: string,
  into: {
    wanted: ReadonlySet<string>;
    members: Set<string>;
    signal: AbortSignal;
    firstPage: Promise<MembersPage> | undefined;
    /** Told how many members the walk has read, after each page. */
    onRead: (read: number) => void;
  },
): Promise<number> {
  let read = 0;
  let cursor: string | null = null;
  let ahead = into.firstPage;
  do {
    into.signal.throwIfAborted();
    const page: MembersPage = await (ahead ?? calls.membersPage(threadId, cursor, into.signal));
    ahead = undefined;
    if (page.members.length === 0) break;
    read += page.members.length;
    into.onRead(read);
    for (const member of page.members) {
      const name = member.toLowerCase();
      if (into.wanted.has(name)) into.members.add(name);
    }
    cursor = page.cursor;
  } while (cursor !== null);
  return read;
}

/** Null when a user's threads are too many to read: the member list then answers for everyone. */
async function fromUserThreads(
  calls: ChatCalls,
  threadId: string,
  usernames: readonly string[],
  signal: AbortSignal,
  onProgress?: (progress: CheckProgress) => void,
): Promise<Set<string> | null> {
  const members = new Set<string>();
  const walk = { next: 0, done: 0, undecided: false };
  // Each worker's read waits on the operation's signal, all at once.
  setMaxListeners(USERS_AT_ONCE + 10, signal);
  const worker = async (): Promise<void> => {
    while (walk.next < usernames.length && !walk.undecided) {
      const username = usernames[walk.next++] ?? '';
      signal.throwIfAborted();
      const answer = await inThread(calls, threadId, username, signal);
      if (answer === null) walk.undecided = true;
      else if (answer) members.add(username);
      walk.done += 1;
      onProgress?.({ done: walk.done, of: usernames.length, unit: 'users' });
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
  try {
    const joined = await joinedAmong(calls, username, [threadId], MAX_USER_PAGES, signal);
    return joined === null ? null : joined.size > 0;
  } catch (error) {
    // A user the API does not know is in no thread; the add will say so for them.
    if (error instanceof ChatCallError && error.status === 404) return false;
    throw error;
  }
}

/**
 * Which of `threadIds` the user is a member of, from the user's own list of threads; null when that list runs
 * past `maxPages` pages before all of them were found.
 */
export async function joinedAmong(
  calls: ChatCalls,
  username: string,
  threadIds: readonly string[],
  maxPages: number,
  signal?: AbortSignal,
): Promise<Set<string> | null> {
  const wanted = new Set(threadIds);
  const joined = new Set<string>();
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const answer = await calls.userThreadsPage(username, cursor, signal);
    for (const threadId of answer.threadIds) if (wanted.has(threadId)) joined.add(threadId);
    if (joined.size === wanted.size || answer.threadIds.length === 0 || answer.cursor === null) return joined;
    cursor = answer.cursor;
  }
  return null;
}
