// Turns one forwarded add or remove call into its audit record: who, which thread, and each user's outcome
// read from the Chat API's answer (or its absence).
import type { AuditAction, AuditCall, UserOutcome } from './audit-store.ts';

/** What the proxy knows about a member change it forwarded. */
export interface ForwardedMemberChange {
  method: string;
  /** The upstream path, `thread/{threadId}/users` or `threads/{threadId}/users` (the only shapes with a body). */
  path: string;
  body: Uint8Array;
  /** The API's final answer, or null when none came (timeout, dropped connection, browser gone). */
  upstream: { status: number; body: ArrayBuffer } | null;
}

export interface AuditContext {
  time: number;
  actor: string;
  role: string;
  requestId: string;
  operationId: string | null;
}

/** Bulk operations name themselves with this header; anything else in it is ignored. */
export const OPERATION_ID_HEADER = 'X-Operation-Id';
const OPERATION_ID = /^[A-Za-z0-9-]{1,64}$/;

export function operationIdFrom(value: string | undefined): string | null {
  return value !== undefined && OPERATION_ID.test(value) ? value : null;
}

function parseJson(bytes: ArrayBufferLike | Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

/** The usernames the browser asked for; a body the API would refuse anyway yields none. */
export function requestedUsernames(body: Uint8Array): string[] {
  const parsed = parseJson(body);
  if (typeof parsed !== 'object' || parsed === null || !('usernames' in parsed)) return [];
  const { usernames } = parsed;
  return Array.isArray(usernames) ? usernames.filter((name) => typeof name === 'string') : [];
}

/** The remove endpoint answers per user: `entities: [{ user, result }]`. */
function removalResults(body: ArrayBuffer): Map<string, boolean> {
  const results = new Map<string, boolean>();
  const parsed = parseJson(body);
  if (typeof parsed !== 'object' || parsed === null || !('entities' in parsed)) return results;
  const { entities } = parsed;
  if (!Array.isArray(entities)) return results;
  for (const entity of entities as unknown[]) {
    if (typeof entity !== 'object' || entity === null) continue;
    if (!('user' in entity) || !('result' in entity)) continue;
    if (typeof entity.user === 'string' && typeof entity.result === 'boolean') {
      // A name asked for twice is answered twice, removed by the first and "not a member" for the second.
      const user = entity.user.toLowerCase();
      results.set(user, (results.get(user) ?? false) || entity.result);
    }
  }
  return results;
}

/** The outcome every user of a call shares when the API did not answer per user. */
function sharedOutcome(action: AuditAction, status: number | null): UserOutcome {
  if (status === null || status >= 500) return 'unknown';
  if (status === 429) return 'not-applied';
  if (status >= 400) return 'refused';
  return action === 'add' ? 'added' : 'unknown';
}

export function auditedCall(change: ForwardedMemberChange, context: AuditContext): AuditCall {
  const action: AuditAction = change.method === 'POST' ? 'add' : 'remove';
  const usernames = requestedUsernames(change.body);
  const status = change.upstream?.status ?? null;
  const shared = sharedOutcome(action, status);
  const removals =
    action === 'remove' && status === 200 && change.upstream !== null
      ? removalResults(change.upstream.body)
      : null;
  return {
    ...context,
    threadId: change.path.split('/')[1] ?? '',
    action,
    upstreamStatus: status,
    outcomes: usernames.map((username) => {
      if (removals === null) return { username, outcome: shared };
      const removed = removals.get(username.toLowerCase());
      // A user missing from a 200 answer: the API did not say, so neither does the log.
      const outcome: UserOutcome = removed === undefined ? 'unknown' : removed ? 'removed' : 'not-a-member';
      return { username, outcome };
    }),
  };
}

/** What someone tried to change, as far as the refused request says. */
export interface RefusedAttempt {
  action: AuditAction;
  /** Empty when the request named no thread the server could read. */
  threadId: string;
  usernames: readonly string[];
  /** The operation a cancel, retry or undo named, when it is an operation id at all. */
  operationId?: string | null;
}

/** A refused attempt names at most this many users in the log; the refusal says how many more there were. */
export const MAX_REFUSED_USERNAMES = 1000;

/** The audit record of an attempt the server refused itself: every named user `refused`, nothing sent. */
export function refusedCall(attempt: RefusedAttempt, context: AuditContext, refusal: string): AuditCall {
  const kept = attempt.usernames.slice(0, MAX_REFUSED_USERNAMES);
  const more = attempt.usernames.length - kept.length;
  return {
    ...context,
    threadId: attempt.threadId,
    operationId: attempt.operationId ?? context.operationId,
    action: attempt.action,
    upstreamStatus: null,
    refusal: more > 0 ? `${refusal} (${more.toLocaleString('en')} more users were named)` : refusal,
    outcomes: kept.map((username) => ({ username, outcome: 'refused' })),
  };
}
