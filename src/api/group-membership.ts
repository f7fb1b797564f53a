// Endpoint 11: whether a user has joined a group. A thread's members are a subset of its group's, so the
// dashboard asks this before offering to add someone the API would refuse.
import type { KyInstance } from 'ky';
import { requestJson } from './http.ts';
import { MalformedResponse, asRecord } from './parse.ts';

export function parseGroupMembership(body: unknown): boolean {
  const { data } = asRecord(body, 'group membership');
  if (typeof data !== 'boolean') throw new MalformedResponse('group membership data is not true or false');
  return data;
}

export function fetchGroupMembership(
  api: KyInstance,
  { groupId, username }: { groupId: string; username: string },
  signal?: AbortSignal,
): Promise<boolean> {
  const path = `chat/chatgroups/${encodeURIComponent(groupId)}/user/${encodeURIComponent(username)}/is_joined`;
  return requestJson(
    'whether the user is in the group',
    () => api.get(path, { signal }),
    parseGroupMembership,
  );
}
