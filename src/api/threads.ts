// Endpoint 7: one cursor page of the app's thread ids, newest or oldest first.
import type { KyInstance } from 'ky';
import { nextCursor } from './chat-envelope.ts';
import { requestJson } from './http.ts';
import { MalformedResponse, asRecord, asString } from './parse.ts';

export type ThreadSort = 'desc' | 'asc';

export interface ThreadPage {
  threadIds: string[];
  cursor: string | null;
}

export function parseThreadPage(body: unknown): ThreadPage {
  const envelope = asRecord(body, 'thread list');
  const entities = envelope.entities ?? [];
  if (!Array.isArray(entities)) throw new MalformedResponse('thread list entities is not a list');
  const threadIds = entities.map((entity, i) =>
    asString(asRecord(entity, `thread ${i}`).id, `thread ${i} id`),
  );
  return { threadIds, cursor: nextCursor(envelope, 'thread list') };
}

export function fetchThreadPage(
  api: KyInstance,
  { limit, cursor, sort }: { limit: number; cursor: string; sort: ThreadSort },
  signal?: AbortSignal,
): Promise<ThreadPage> {
  const query = new URLSearchParams({ limit: String(limit), sort });
  if (cursor) query.set('cursor', cursor);
  return requestJson(
    'the thread list',
    () => api.get(`chat/thread?${query.toString()}`, { signal }),
    parseThreadPage,
  );
}
