// Endpoint 1: one cursor page of a thread's members, in join order.
import type { KyInstance } from 'ky';
import { memberPagePath } from '../lib/members-page-address.ts';
import { nextCursor } from './chat-envelope.ts';
import { requestJson } from './http.ts';
import { MalformedResponse, asRecord } from './parse.ts';

export interface MemberPage {
  members: string[];
  /** How many members the API returned; `members` may shrink later as the dashboard removes some. */
  fetchedCount: number;
  /** Null when the API gave no cursor: nothing follows. */
  cursor: string | null;
}

export function parseMemberPage(body: unknown): MemberPage {
  const envelope = asRecord(body, 'member page');
  const data = asRecord(envelope.data, 'member page data');
  const affiliations = data.affiliations ?? [];
  if (!Array.isArray(affiliations) || !affiliations.every((name) => typeof name === 'string')) {
    throw new MalformedResponse('member page data.affiliations is not a list of usernames');
  }
  return {
    members: affiliations,
    fetchedCount: affiliations.length,
    cursor: nextCursor(envelope, 'member page'),
  };
}

export function fetchMemberPage(
  api: KyInstance,
  { threadId, limit, cursor }: { threadId: string; limit: number; cursor: string },
  signal?: AbortSignal,
): Promise<MemberPage> {
  return requestJson(
    'thread members',
    () => api.get(memberPagePath(threadId, limit, cursor), { signal }),
    parseMemberPage,
  );
}
