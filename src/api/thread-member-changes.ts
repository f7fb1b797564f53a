// Endpoints 2 and 3: add and remove up to 10 members of a thread in one call.
// These are mutations, so ky never retries them (the client's retry policy covers GET only); the bulk
// engine in src/lib/bulk decides what a failed call means and whether to send it again.
import type { KyInstance } from 'ky';
import { requestJson } from './http.ts';
import { MalformedResponse, asRecord } from './parse.ts';

/** The remove endpoint's answer for one requested user. */
export interface MemberRemoval {
  user: string;
  /** False when the user was not a member (anymore), so nothing changed. */
  removed: boolean;
}

function membersPath(threadId: string): string {
  return `chat/thread/${encodeURIComponent(threadId)}/users`;
}

export interface MemberChangeOptions {
  signal?: AbortSignal;
  /** Names the bulk operation a call belongs to, so the audit log shows its calls as one entry. */
  operationId?: string;
}

function changeRequest(usernames: readonly string[], { signal, operationId }: MemberChangeOptions) {
  return {
    json: { usernames },
    signal,
    headers: operationId === undefined ? {} : { 'x-operation-id': operationId },
  };
}

export function parseAddMembers(body: unknown): void {
  const data = asRecord(asRecord(body, 'add members').data, 'add members data');
  if (data.status !== 'ok') throw new MalformedResponse('add members data.status is not "ok"');
}

export function parseRemoveMembers(body: unknown): MemberRemoval[] {
  const entities = asRecord(body, 'remove members').entities;
  if (!Array.isArray(entities)) throw new MalformedResponse('remove members entities is not a list');
  return entities.map((entity, i) => {
    const record = asRecord(entity, `remove members entity ${i}`);
    if (typeof record.user !== 'string' || typeof record.result !== 'boolean') {
      throw new MalformedResponse(`remove members entity ${i} lacks a user and a boolean result`);
    }
    return { user: record.user, removed: record.result };
  });
}

/** Resolves once the API confirmed the call; it is atomic, so a failure means none of them was added. */
export function addThreadMembers(
  api: KyInstance,
  threadId: string,
  usernames: readonly string[],
  options: MemberChangeOptions = {},
): Promise<void> {
  return requestJson(
    'adding thread members',
    () => api.post(membersPath(threadId), changeRequest(usernames, options)),
    parseAddMembers,
  );
}

export function removeThreadMembers(
  api: KyInstance,
  threadId: string,
  usernames: readonly string[],
  options: MemberChangeOptions = {},
): Promise<MemberRemoval[]> {
  return requestJson(
    'removing thread members',
    () => api.delete(membersPath(threadId), changeRequest(usernames, options)),
    parseRemoveMembers,
  );
}
