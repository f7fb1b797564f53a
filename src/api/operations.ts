// /api/operations: bulk operations and exports, which the server runs. The browser starts, follows, cancels,
// retries and undoes them, and downloads an export's file; closing the tab changes nothing.
import type { KyInstance } from 'ky';
import { emptyCounts, type OutcomeCounts, type OutcomeStatus } from '../lib/bulk/outcomes.ts';
import type { MemberFileFormat } from '../lib/member-list-file.ts';
import type { ParsedUsernames } from '../lib/username-list.ts';
import { requestBlob, requestJson } from './http.ts';
import { MalformedResponse, asNumber, asRecord, asString } from './parse.ts';

/** What an add or a removal does to each of its items. */
export type ChangeKind = 'add' | 'remove';
/** An export reads a thread's members into a file on the server. */
export type OperationKind = ChangeKind | 'export';
export type OperationState = 'planning' | 'running' | 'cancelling' | 'finished' | 'cancelled' | 'stopped';

export interface OperationSummary {
  id: string;
  kind: OperationKind;
  /** `thread`: users of one thread; `user-threads`: one user in several threads. */
  scope: 'thread' | 'user-threads';
  threadId: string | null;
  username: string | null;
  threadNames: Readonly<Record<string, string>>;
  label: string;
  /** Who started it. */
  actor: string;
  createdAt: number;
  state: OperationState;
  run: number;
  stopReason: string | null;
  undoOf: string | null;
  undoneBy: string | null;
  /** An undo's users (or threads) that a later operation changed again, left as they were. */
  leftAlone: readonly string[];
  /** Entries refused before sending as not usernames; the entries themselves come with the detail. */
  invalidCount: number;
  counts: Readonly<OutcomeCounts>;
  total: number;
  calls: number;
  rateLimited: number;
  retries: number;
  /** Calls started in the last second on the operation's endpoint, by everyone. */
  currentRate: number;
  elapsedMs: number;
  etaMs: number | null;
  /** While an add learns who is a member already: users looked up, or members of the list read; else null. */
  checking: CheckProgress | null;
  /** Where an export stands; null for other kinds. */
  exportWalk: ExportWalk | null;
}

export interface CheckProgress {
  done: number;
  of: number;
  unit: 'users' | 'members';
}

export interface ExportWalk {
  /** The format chosen when it started. */
  format: MemberFileFormat;
  /** 1 for the first walk over the pages; another when members may have been skipped. */
  pass: number;
  /** Pages and new members this walk read so far. */
  pages: number;
  walked: number;
  /** Members in the file, after each walk. */
  members: number;
  /** The thread's member count when the export ended. */
  threadCount: number | null;
  /** Why the file may not be the thread's member list; null when it is. */
  note: string | null;
}

export interface OperationItem {
  threadId: string;
  username: string;
  status: OutcomeStatus;
  reason: string | null;
  /** Removed by an earlier attempt whose answer was lost. */
  inferred: boolean;
}

export interface OperationDetail {
  operation: OperationSummary;
  items: readonly OperationItem[];
  invalid: ParsedUsernames['invalid'];
}

/** Items that settled together, as the stream reports them. */
export interface SettledItems {
  id: string;
  kind: ChangeKind;
  items: readonly Omit<OperationItem, 'inferred'>[];
}

export type StartOperation =
  | {
      kind: ChangeKind;
      threadId: string;
      usernames: readonly string[];
      invalid?: ParsedUsernames['invalid'];
    }
  | { kind: ChangeKind; username: string; threads: readonly { id: string; name: string }[] }
  | { kind: 'export'; threadId: string; format: MemberFileFormat };

const STATES: readonly OperationState[] = [
  'planning',
  'running',
  'cancelling',
  'finished',
  'cancelled',
  'stopped',
];
const STATUSES = Object.keys(emptyCounts()) as OutcomeStatus[];
const PROBLEMS = ['empty', 'too-long', 'bad-character'] as const;

function oneOf<T extends string>(options: readonly T[], value: unknown, what: string): T {
  const found = options.find((option) => option === value);
  if (found === undefined) throw new MalformedResponse(`${what} is not one of ${options.join(', ')}`);
  return found;
}

const nullableString = (value: unknown, what: string) => (value === null ? null : asString(value, what));
const nullableNumber = (value: unknown, what: string) => (value === null ? null : asNumber(value, what));

function parseExportWalk(value: unknown): ExportWalk | null {
  if (value === null || value === undefined) return null;
  const walk = asRecord(value, 'export walk');
  return {
    format: oneOf(['csv', 'txt'], walk.format, 'export format'),
    pass: asNumber(walk.pass, 'export pass'),
    pages: asNumber(walk.pages, 'export pages'),
    walked: asNumber(walk.walked, 'export walked'),
    members: asNumber(walk.members, 'export members'),
    threadCount: nullableNumber(walk.threadCount, 'export threadCount'),
    note: nullableString(walk.note, 'export note'),
  };
}

function parseCheckProgress(value: unknown): CheckProgress | null {
  if (value === null || value === undefined) return null;
  const progress = asRecord(value, 'membership check');
  return {
    done: asNumber(progress.done, 'membership check done'),
    of: asNumber(progress.of, 'membership check of'),
    unit: oneOf(['users', 'members'], progress.unit, 'membership check unit'),
  };
}

function stringList(value: unknown, what: string): string[] {
  if (!Array.isArray(value)) throw new MalformedResponse(`${what} is not a list`);
  return value.map((item, i) => asString(item, `${what}[${i}]`));
}

export function parseOperationSummary(value: unknown): OperationSummary {
  const record = asRecord(value, 'operation');
  const counts = asRecord(record.counts, 'operation counts');
  const names = asRecord(record.threadNames, 'operation thread names');
  return {
    id: asString(record.id, 'operation id'),
    kind: oneOf(['add', 'remove', 'export'], record.kind, 'operation kind'),
    scope: oneOf(['thread', 'user-threads'], record.scope, 'operation scope'),
    threadId: nullableString(record.threadId, 'operation threadId'),
    username: nullableString(record.username, 'operation username'),
    threadNames: Object.fromEntries(
      Object.entries(names).map(([id, name]) => [id, asString(name, 'thread name')]),
    ),
    label: asString(record.label, 'operation label'),
    actor: asString(record.actor, 'operation actor'),
    createdAt: asNumber(record.createdAt, 'operation createdAt'),
    state: oneOf(STATES, record.state, 'operation state'),
    run: asNumber(record.run, 'operation run'),
    stopReason: nullableString(record.stopReason, 'operation stopReason'),
    undoOf: nullableString(record.undoOf, 'operation undoOf'),
    undoneBy: nullableString(record.undoneBy, 'operation undoneBy'),
    leftAlone: stringList(record.leftAlone, 'operation leftAlone'),
    invalidCount: asNumber(record.invalidCount, 'operation invalidCount'),
    counts: Object.fromEntries(
      STATUSES.map((status) => [status, Number(counts[status] ?? 0)]),
    ) as OutcomeCounts,
    total: asNumber(record.total, 'operation total'),
    calls: asNumber(record.calls, 'operation calls'),
    rateLimited: asNumber(record.rateLimited, 'operation rateLimited'),
    retries: asNumber(record.retries, 'operation retries'),
    currentRate: asNumber(record.currentRate, 'operation currentRate'),
    elapsedMs: asNumber(record.elapsedMs, 'operation elapsedMs'),
    etaMs: record.etaMs === null ? null : asNumber(record.etaMs, 'operation etaMs'),
    checking: parseCheckProgress(record.checking),
    exportWalk: parseExportWalk(record.exportWalk),
  };
}

function parseItem(value: unknown, i: number): OperationItem {
  if (!Array.isArray(value)) throw new MalformedResponse(`item ${i} is not a list`);
  const [threadId, username, status, reason, inferred] = value as unknown[];
  return {
    threadId: asString(threadId, `item ${i} thread`),
    username: asString(username, `item ${i} user`),
    status: oneOf(STATUSES, status, `item ${i} status`),
    reason: reason === null || reason === undefined ? null : asString(reason, `item ${i} reason`),
    inferred: inferred === true,
  };
}

export function parseSettledItems(value: unknown): SettledItems {
  const record = asRecord(value, 'settled items');
  if (!Array.isArray(record.items)) throw new MalformedResponse('settled items is not a list');
  return {
    id: asString(record.id, 'settled operation id'),
    kind: oneOf(['add', 'remove'], record.kind, 'settled kind'),
    items: record.items.map(parseItem),
  };
}

const operationOf = (body: unknown) => parseOperationSummary(asRecord(body, 'answer').operation);

export function fetchOperations(api: KyInstance, signal?: AbortSignal): Promise<OperationSummary[]> {
  return requestJson(
    'the operations',
    () => api.get('operations', { signal }),
    (body) => {
      const list = asRecord(body, 'operations').operations;
      if (!Array.isArray(list)) throw new MalformedResponse('operations is not a list');
      return list.map(parseOperationSummary);
    },
  );
}

export function fetchOperation(api: KyInstance, id: string, signal?: AbortSignal): Promise<OperationDetail> {
  return requestJson(
    'the operation',
    () => api.get(`operations/${encodeURIComponent(id)}`, { signal }),
    (body) => {
      const record = asRecord(body, 'operation detail');
      if (!Array.isArray(record.items)) throw new MalformedResponse('operation items is not a list');
      if (!Array.isArray(record.invalid)) throw new MalformedResponse('operation invalid is not a list');
      return {
        operation: parseOperationSummary(record.operation),
        items: record.items.map(parseItem),
        invalid: record.invalid.map((entry: unknown, i) => {
          const parsed = asRecord(entry, `invalid entry ${i}`);
          return {
            entry: asString(parsed.entry, `invalid entry ${i}`),
            problem: oneOf(PROBLEMS, parsed.problem, `invalid entry ${i} problem`),
          };
        }),
      };
    },
  );
}

export function startOperation(api: KyInstance, start: StartOperation): Promise<OperationSummary> {
  return requestJson('starting the operation', () => api.post('operations', { json: start }), operationOf);
}

/** A finished export's file, in either format. */
export function fetchExportFile(api: KyInstance, id: string, format: MemberFileFormat): Promise<Blob> {
  return requestBlob('the exported file', () =>
    api.get(`operations/${encodeURIComponent(id)}/file`, { searchParams: { format } }),
  );
}

export type OperationAction = 'cancel' | 'retry' | 'undo';

const ACTION_TEXT: Record<OperationAction, string> = {
  cancel: 'cancelling the operation',
  retry: 'retrying the operation',
  undo: 'undoing the operation',
};

/** Cancel and retry answer with the operation; undo with the new operation that reverses it. */
export function actOnOperation(
  api: KyInstance,
  id: string,
  action: OperationAction,
): Promise<OperationSummary> {
  return requestJson(
    ACTION_TEXT[action],
    () => api.post(`operations/${encodeURIComponent(id)}/${action}`),
    operationOf,
  );
}
