// The dashboard's audit log: GET /api/activity (pages of entries), /api/activity/:id (one entry's users)
// and /api/activity/export.csv.
import type { KyInstance } from 'ky';
import { requestBlob, requestJson } from './http.ts';
import { MalformedResponse, asNumber, asRecord, asString } from './parse.ts';

/** What a call did; only a refused attempt may have tried to cancel, retry or undo an operation, or another kind. */
export const ACTIVITY_ACTIONS = ['add', 'remove', 'cancel', 'retry', 'undo', 'other'] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

export const USER_OUTCOMES = [
  'added',
  'removed',
  'not-a-member',
  'refused',
  'not-applied',
  'unknown',
] as const;
export type UserOutcome = (typeof USER_OUTCOMES)[number];

/** The filters as the address holds them; `from` and `to` are ISO 8601 instants. */
export interface ActivityFilter {
  thread?: string;
  username?: string;
  actor?: string;
  from?: string;
  to?: string;
}

/** One operation (or lone call) as the activity page lists it: the shape `parseEntry` returns. */
export type ActivityEntry = ReturnType<typeof parseEntry>;

export type ActivityPage = ReturnType<typeof parseActivityPage>;

/** One user's outcome in one call; `upstreamStatus` null: the Chat API gave no answer. */
export type ActivityUser = ReturnType<typeof parseUser>;

function asOutcome(value: unknown, what: string): UserOutcome {
  const outcome = USER_OUTCOMES.find((known) => known === value);
  if (outcome === undefined) throw new MalformedResponse(`${what} is not a known outcome`);
  return outcome;
}

function parseOperationFacts(value: unknown, what: string) {
  if (value == null) return null;
  const record = asRecord(value, what);
  return {
    /** As Operations lists it, with the thread's name: `Add 25 members to Moderators lounge`. */
    label: asString(record.label, `${what} label`),
    /** The operation this one undid. */
    undoOf: record.undoOf == null ? null : asString(record.undoOf, `${what} undoOf`),
  };
}

function parseEntry(body: unknown, what: string) {
  const record = asRecord(body, what);
  const action = ACTIVITY_ACTIONS.find((known) => known === record.action);
  if (action === undefined) throw new MalformedResponse(`${what} action is unknown`);
  const outcomes: Partial<Record<UserOutcome, number>> = {};
  for (const [outcome, count] of Object.entries(asRecord(record.outcomes, `${what} outcomes`))) {
    outcomes[asOutcome(outcome, `${what} outcome`)] = asNumber(count, `${what} outcome count`);
  }
  return {
    id: asNumber(record.id, `${what} id`),
    operationId: record.operationId === null ? null : asString(record.operationId, `${what} operationId`),
    action,
    threadId: asString(record.threadId, `${what} threadId`),
    /** More than 1 for an operation across threads; `threadId` is then one of them. */
    threads: asNumber(record.threads, `${what} threads`),
    actor: asString(record.actor, `${what} actor`),
    role: asString(record.role, `${what} role`),
    startedAt: new Date(asNumber(record.startedAt, `${what} startedAt`)),
    endedAt: new Date(asNumber(record.endedAt, `${what} endedAt`)),
    calls: asNumber(record.calls, `${what} calls`),
    outcomes,
    /** The bulk operation that made the changes, while the server keeps its record. */
    operation: parseOperationFacts(record.operation, `${what} operation`),
    /** The user, when the entry changed only one. */
    username: record.username == null ? null : asString(record.username, `${what} username`),
    /** Why the server refused the attempt without sending anything; null for changes it sent. */
    refusal: record.refusal == null ? null : asString(record.refusal, `${what} refusal`),
  };
}

export function parseActivityPage(body: unknown) {
  const record = asRecord(body, 'activity page');
  if (!Array.isArray(record.entries)) throw new MalformedResponse('activity page entries is not a list');
  return {
    entries: record.entries.map((entry, i) => parseEntry(entry, `activity entry ${i}`)),
    nextCursor: record.nextCursor === null ? null : asNumber(record.nextCursor, 'activity nextCursor'),
  };
}

function parseUser(user: unknown, i: number) {
  const record = asRecord(user, `activity user ${i}`);
  return {
    threadId: asString(record.threadId, `activity user ${i} threadId`),
    username: asString(record.username, `activity user ${i} username`),
    outcome: asOutcome(record.outcome, `activity user ${i} outcome`),
    upstreamStatus:
      record.upstreamStatus === null ? null : asNumber(record.upstreamStatus, `activity user ${i} status`),
    requestId: asString(record.requestId, `activity user ${i} requestId`),
    time: new Date(asNumber(record.time, `activity user ${i} time`)),
  };
}

export function parseActivityUsers(body: unknown): ActivityUser[] {
  const users = asRecord(body, 'activity entry').users;
  if (!Array.isArray(users)) throw new MalformedResponse('activity entry users is not a list');
  return users.map(parseUser);
}

function filterQuery(filter: ActivityFilter): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (typeof value === 'string' && value !== '') query.set(name, value);
  }
  return query;
}

export function fetchActivityPage(
  api: KyInstance,
  filter: ActivityFilter,
  before: number | null,
  signal?: AbortSignal,
): Promise<ActivityPage> {
  const query = filterQuery(filter);
  if (before !== null) query.set('before', String(before));
  return requestJson(
    'the activity',
    () => api.get(`activity?${query.toString()}`, { signal }),
    parseActivityPage,
  );
}

export function fetchActivityUsers(
  api: KyInstance,
  entryId: number,
  signal?: AbortSignal,
): Promise<ActivityUser[]> {
  return requestJson(
    'the users of this activity entry',
    () => api.get(`activity/${entryId}`, { signal }),
    parseActivityUsers,
  );
}

/** The whole matching activity as CSV, one row per user per call, written by the server. */
export function fetchActivityCsv(api: KyInstance, filter: ActivityFilter): Promise<Blob> {
  return requestBlob('the activity export', () =>
    // Long retention and bulk operations can make this file large; it streams, but may take a while.
    api.get(`activity/export.csv?${filterQuery(filter).toString()}`, { timeout: 120_000 }),
  );
}
