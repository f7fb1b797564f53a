// Endpoint 10: a thread's name, owner, parent group, creation time and member count.
import type { KyInstance } from 'ky';
import { threadDetailsPath } from '../lib/members-page-address.ts';
import { requestJson } from './http.ts';
import { asNumber, asRecord, asString } from './parse.ts';

export interface ThreadDetails {
  id: string;
  name: string;
  owner: string;
  groupId: string;
  /** Creation time, ms since the epoch. */
  created: number;
  memberCount: number;
}

export function parseThreadDetails(body: unknown): ThreadDetails {
  const data = asRecord(asRecord(body, 'thread details').data, 'thread details data');
  return {
    id: asString(data.id, 'thread id'),
    name: asString(data.name, 'thread name'),
    owner: asString(data.owner, 'thread owner'),
    groupId: asString(data.groupId, 'thread groupId'),
    created: asNumber(data.created, 'thread created'),
    memberCount: asNumber(data.affiliations_count, 'thread affiliations_count'),
  };
}

export function fetchThreadDetails(
  api: KyInstance,
  threadId: string,
  signal?: AbortSignal,
): Promise<ThreadDetails> {
  return requestJson(
    'the thread details',
    () => api.get(threadDetailsPath(threadId), { signal }),
    parseThreadDetails,
  );
}
