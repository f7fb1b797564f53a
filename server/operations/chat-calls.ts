// The Chat API calls operations make, sent through the same proxy as the browser's (allow-list, app token,
// renewal on 401, time limit), each paced by the governor, with answers parsed and errors in the shape the
// bulk engine classifies ({ status, code, description }).
import { setTimeout as sleep } from 'node:timers/promises';
import type { RemovalAnswer } from '../../src/lib/bulk/batch-answers.ts';
import type { CallPacer } from '../../src/lib/bulk/pacer.ts';
import { AuditWriteFailed } from '../audit-write-failed.ts';
import type { ChatProxyHandler, MemberChangeListener } from '../chat-proxy.ts';
import { memberPagePath, threadDetailsPath } from '../../src/lib/members-page-address.ts';
import { isRecord } from '../../src/lib/is-record.ts';

export class ChatCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    readonly description: string,
    /** The API's numeric `error_code`, when its answer had one. */
    readonly errorCode: number | null = null,
  ) {
    super(description);
    this.name = 'ChatCallError';
  }
}

/** An answer that arrived but cannot be read: as uncertain as no answer. */
const unreadable = (what: string) =>
  new ChatCallError(200, null, `The Chat API's answer to ${what} was unreadable.`);

export interface ThreadFacts {
  name: string;
  memberCount: number | null;
}

export interface MembersPage {
  members: string[];
  cursor: string | null;
}

export interface ChatCalls {
  addMembers(threadId: string, usernames: readonly string[]): Promise<void>;
  removeMembers(threadId: string, usernames: readonly string[]): Promise<RemovalAnswer[]>;
  /** Reads give up, throwing the signal's reason, when `signal` aborts: waiting for a slot, a retry or an answer. */
  thread(threadId: string, signal?: AbortSignal): Promise<ThreadFacts>;
  membersPage(threadId: string, cursor: string | null, signal?: AbortSignal): Promise<MembersPage>;
  userThreadsPage(
    username: string,
    cursor: string | null,
    signal?: AbortSignal,
  ): Promise<{ threadIds: string[]; cursor: string | null }>;
}

export const PAGE_SIZE = 50;

type ReadEndpoint = 'members' | 'thread' | 'user-threads';

/**
 * Reads wait for a slot of their endpoint's `pacer` (changes are paced by the bulk engine); every change is
 * recorded by `onMemberChange`, as the proxy records the browser's, and a record that fails stops the change.
 */
export function chatCalls(
  forward: ChatProxyHandler,
  pacer: (endpoint: ReadEndpoint) => CallPacer,
  onMemberChange: MemberChangeListener,
): ChatCalls {
  /** `path`: under the API base, as the dashboard's own (`chat/thread/…`). */
  async function send(
    method: string,
    path: string,
    what: string,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<unknown> {
    // The call gets a signal of its own, tied to `signal` only while it runs: a Request keeps a listener on the
    // signal it is given until the Request is collected, and an operation's signal outlives thousands of calls.
    const call = new AbortController();
    const stop = (): void => call.abort(signal?.reason);
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      return await sendOnce(method, path, what, body, call.signal);
    } finally {
      signal?.removeEventListener('abort', stop);
    }
  }

  async function sendOnce(
    method: string,
    path: string,
    what: string,
    body: unknown,
    signal: AbortSignal,
  ): Promise<unknown> {
    const request = new Request(`http://operations.internal/api/${path}`, {
      method,
      signal,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    let response: Response;
    try {
      response = await forward(request, `/api/${path}`, onMemberChange);
    } catch (error) {
      if (!(error instanceof AuditWriteFailed)) throw error;
      // The engine stops on this code: more changes would be changes nobody can trace.
      throw new ChatCallError(
        500,
        'audit_write_failed',
        'The change was sent to the Chat API, but the audit log could not record it: check that the audit ' +
          'database (AUDIT_DB) is writable and its disk has space. The change may have been applied.',
      );
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      parsed = null;
    }
    if (response.status !== 200) {
      const envelope = isRecord(parsed) ? parsed : {};
      const code = typeof envelope.error === 'string' ? envelope.error : null;
      const description =
        typeof envelope.error_description === 'string'
          ? envelope.error_description
          : `The Chat API answered HTTP ${response.status} to ${what}.`;
      const errorCode = typeof envelope.error_code === 'number' ? envelope.error_code : null;
      throw new ChatCallError(response.status, code, description, errorCode);
    }
    if (!isRecord(parsed)) throw unreadable(what);
    return parsed;
  }

  /** A read, paced on its endpoint; reads go out again on 429 and 5xx like the browser's. */
  async function read(endpoint: ReadEndpoint, path: string, what: string, signal?: AbortSignal) {
    const lane = pacer(endpoint);
    for (let attempt = 1; ; attempt++) {
      const release = await lane.acquire(signal);
      signal?.throwIfAborted();
      const startedAt = performance.now();
      let failure: unknown;
      try {
        return await send('GET', path, what, undefined, signal);
      } catch (error) {
        failure = error;
      } finally {
        release?.();
      }
      signal?.throwIfAborted();
      const status = failure instanceof ChatCallError ? failure.status : 0;
      if (status === 429) lane.slowDown(startedAt);
      if (attempt >= 5 || !(status === 429 || status >= 500)) throw failure;
      await sleep(200 * 2 ** attempt, undefined, signal ? { signal } : {});
    }
  }

  const membersOf = (threadId: string) => `chat/thread/${encodeURIComponent(threadId)}/users`;
  /**
   * Removal takes the singular path of the current documentation; a host that knows only the older plural
   * spelling answers it as an unknown route (404 `service_resource_not_found`, or 405 where the path serves
   * other methods), which changed nothing. Then the plural is tried once, and kept if it answers.
   */
  let pluralOnly = false;
  const pluralMembersOf = (threadId: string) => `chat/threads/${encodeURIComponent(threadId)}/users`;
  const unknownRoute = (error: unknown) =>
    error instanceof ChatCallError &&
    (error.status === 405 || (error.status === 404 && error.code === 'service_resource_not_found'));
  const removeOnce = async (path: string, usernames: readonly string[]) => {
    const body = await send('DELETE', path, 'removing thread members', { usernames });
    const entities = (body as Record<string, unknown>).entities;
    if (!Array.isArray(entities)) throw unreadable('removing thread members');
    return entities.map((entity: unknown) => {
      if (!isRecord(entity) || typeof entity.user !== 'string' || typeof entity.result !== 'boolean') {
        throw unreadable('removing thread members');
      }
      return { user: entity.user, removed: entity.result };
    });
  };

  return {
    addMembers: async (threadId, usernames) => {
      const body = await send('POST', membersOf(threadId), 'adding thread members', { usernames });
      const data = (body as Record<string, unknown>).data;
      if (!isRecord(data) || data.status !== 'ok') throw unreadable('adding thread members');
    },
    removeMembers: async (threadId, usernames) => {
      if (!pluralOnly) {
        try {
          return await removeOnce(membersOf(threadId), usernames);
        } catch (error) {
          if (!unknownRoute(error)) throw error;
        }
      }
      const answers = await removeOnce(pluralMembersOf(threadId), usernames);
      pluralOnly = true;
      return answers;
    },
    thread: async (threadId, signal) => {
      const body = await read('thread', threadDetailsPath(threadId), 'reading the thread', signal);
      const data = (body as Record<string, unknown>).data;
      if (!isRecord(data)) throw unreadable('reading the thread');
      const count = data.affiliations_count;
      return {
        name: typeof data.name === 'string' ? data.name : '',
        memberCount: typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : null,
      };
    },
    membersPage: async (threadId, cursor, signal) => {
      const body = (await read(
        'members',
        memberPagePath(threadId, PAGE_SIZE, cursor ?? ''),
        'reading thread members',
        signal,
      )) as Record<string, unknown>;
      const data = body.data;
      const affiliations = isRecord(data) ? data.affiliations : undefined;
      if (!Array.isArray(affiliations) || !affiliations.every((name) => typeof name === 'string')) {
        throw unreadable('reading thread members');
      }
      return { members: affiliations, cursor: cursorOf(body) };
    },
    userThreadsPage: async (username, cursor, signal) => {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (cursor !== null) query.set('cursor', cursor);
      const body = (await read(
        'user-threads',
        `chat/threads/user/${encodeURIComponent(username)}?${query.toString()}`,
        "reading a user's threads",
        signal,
      )) as Record<string, unknown>;
      const entities = body.entities;
      if (!Array.isArray(entities)) throw unreadable("reading a user's threads");
      const threadIds = entities.flatMap((entity: unknown) =>
        isRecord(entity) && typeof entity.id === 'string' ? [entity.id] : [],
      );
      return { threadIds, cursor: cursorOf(body) };
    },
  };
}

function cursorOf(body: Record<string, unknown>): string | null {
  const properties = body.properties;
  const cursor = isRecord(properties) ? properties.cursor : undefined;
  return typeof cursor === 'string' && cursor !== '' ? cursor : null;
}
