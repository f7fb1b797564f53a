// Endpoints 8 and 9: one cursor page of the threads a user joined, in the whole app or in one group.
// Unlike endpoint 7, each entry already carries the thread's name, owner, group and creation time.
import type { KyInstance } from 'ky';
import { nextCursor } from './chat-envelope.ts';
import { requestJson } from './http.ts';
import { MalformedResponse, asNumber, asRecord, asString } from './parse.ts';
import type { ThreadSort } from './threads.ts';

export interface JoinedThread {
  id: string;
  name: string;
  owner: string;
  groupId: string;
  /** Creation time, ms since the epoch. */
  created: number;
}

export interface JoinedThreadPage {
  threads: JoinedThread[];
  /** Null when the API gave no cursor: nothing follows. */
  cursor: string | null;
}

export interface JoinedThreadRequest {
  username: string;
  /** Only the threads of this group (endpoint 9); null for the whole app (endpoint 8). */
  groupId: string | null;
  limit: number;
  cursor: string;
  sort: ThreadSort;
}

/** The most threads endpoints 8 and 9 return per page. */
export const JOINED_THREAD_PAGE_SIZE = 50;

/** The cache key under which everything read about `username`'s threads lives: what a membership change makes stale. */
export const userThreadsKey = (username: string) => ['users', username, 'threads'] as const;

/**
 * The cursor of the page after `page`, or undefined at the end: a short page, an empty one or a missing cursor
 * ends the list (the API may send a cursor on the last page).
 */
export function joinedThreadsCursorAfter(page: JoinedThreadPage): string | undefined {
  return page.threads.length < JOINED_THREAD_PAGE_SIZE || page.cursor === null ? undefined : page.cursor;
}

export function parseJoinedThreadPage(body: unknown): JoinedThreadPage {
  const envelope = asRecord(body, 'joined threads');
  const entities = envelope.entities ?? [];
  if (!Array.isArray(entities)) throw new MalformedResponse('joined threads entities is not a list');
  const threads = entities.map((entity, i): JoinedThread => {
    const thread = asRecord(entity, `joined thread ${i}`);
    return {
      id: asString(thread.id, `joined thread ${i} id`),
      name: asString(thread.name, `joined thread ${i} name`),
      owner: asString(thread.owner, `joined thread ${i} owner`),
      groupId: asString(thread.groupId, `joined thread ${i} groupId`),
      created: asNumber(thread.created, `joined thread ${i} created`),
    };
  });
  return { threads, cursor: nextCursor(envelope, 'joined threads') };
}

export function fetchJoinedThreadPage(
  api: KyInstance,
  { username, groupId, limit, cursor, sort }: JoinedThreadRequest,
  signal?: AbortSignal,
): Promise<JoinedThreadPage> {
  const query = new URLSearchParams({ limit: String(limit), sort });
  if (cursor) query.set('cursor', cursor);
  const user = encodeURIComponent(username);
  const path =
    groupId === null
      ? `chat/threads/user/${user}`
      : `chat/threads/chatgroups/${encodeURIComponent(groupId)}/user/${user}`;
  return requestJson(
    'the threads of the user',
    () => api.get(`${path}?${query.toString()}`, { signal }),
    parseJoinedThreadPage,
  );
}
