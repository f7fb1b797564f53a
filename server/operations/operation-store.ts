// What the server keeps of every bulk operation: the request, its state, and each item's outcome. One small
// interface, so that a database shared by several servers can take SQLite's place.
import type { OutcomeCounts, OutcomeStatus } from '../../src/lib/bulk/outcomes.ts';
import type { MemberFileFormat } from '../../src/lib/member-list-file.ts';
import type { UsernameProblem } from '../../src/lib/username.ts';

/** What an add or a removal does to each of its items. */
export type ChangeKind = 'add' | 'remove';

/** An export changes nothing: it reads a thread's member list into a file (export-walk.ts). */
export type OperationKind = ChangeKind | 'export';

/**
 * `thread`: users of one thread (items are usernames); `user-threads`: one user in many threads (items are
 * thread ids). Either way an item is one (thread, user) pair.
 */
export type OperationScope = 'thread' | 'user-threads';

/** `planning`: reading who is a member before sending anything. */
export type OperationState = 'planning' | 'running' | 'cancelling' | 'finished' | 'cancelled' | 'stopped';

export const UNFINISHED_STATES: readonly OperationState[] = ['planning', 'running', 'cancelling'];

export interface InvalidEntry {
  entry: string;
  problem: UsernameProblem;
}

export interface OperationRecord {
  id: string;
  kind: OperationKind;
  scope: OperationScope;
  /** The thread of a `thread` operation; null for `user-threads`. */
  threadId: string | null;
  /** The user of a `user-threads` operation; null for `thread`. */
  username: string | null;
  /** Thread names by id, as known when the operation began. */
  threadNames: Record<string, string>;
  label: string;
  actor: string;
  role: string;
  createdAt: number;
  state: OperationState;
  /** 1 for the first run; each retry starts another. */
  run: number;
  stopReason: string | null;
  /** The operation this one undoes, and the one that undid this. */
  undoOf: string | null;
  undoneBy: string | null;
  /** An undo's users whom a later operation changed again, left as they were. */
  leftAlone: string[];
  /** Entries of the request that were never sent, with their reasons. */
  invalid: InvalidEntry[];
  /** Of the latest run (ms since the epoch); null before it began or while it runs. */
  runStartedAt: number | null;
  runEndedAt: number | null;
  calls: number;
  rateLimited: number;
  retries: number;
  /** Where an export's walk over the member pages stands; null for other kinds. */
  exportWalk: ExportWalk | null;
}

/** The format of an export's file, chosen when it starts; the file can be had in either. */
export type ExportFormat = MemberFileFormat;

export interface ExportWalk {
  format: ExportFormat;
  /** 1 for the first walk over the pages; each walk the member counts call for adds one. */
  pass: number;
  /** The cursor this pass goes on from; null at its first page. */
  cursor: string | null;
  /** The pass read its last page. */
  ended: boolean;
  /** The file is written: the export is over. */
  done: boolean;
  /** Pages this pass read, and the members among them not seen before in it. */
  pages: number;
  walked: number;
  /** When this pass began (ms since the epoch), and the thread's member count then (null: unknown). */
  passStartedAt: number;
  countAtPassStart: number | null;
  /** Members in the file (merged from the passes that ended). */
  members: number;
  /** The thread's member count when the export ended; null while it runs or when unknown. */
  threadCount: number | null;
  /** Said when the file and the thread's count still differ at the end. */
  note: string | null;
}

/** An export's usernames: `file`, merged from the passes that ended; `pass`, those the pass under way read. */
export type ExportList = 'file' | 'pass';

export interface OperationItem {
  threadId: string;
  username: string;
  status: OutcomeStatus;
  reason: string | null;
  /** Removed by an earlier attempt whose answer was lost. */
  inferred: boolean;
  /** A call carrying it was sent and not answered yet: it may have been applied. */
  inFlight: boolean;
}

export interface SettledItem {
  threadId: string;
  username: string;
  status: OutcomeStatus;
  reason?: string | null;
  inferred?: boolean;
}

export type ItemKey = Pick<OperationItem, 'threadId' | 'username'>;

export interface OperationStore {
  create(record: OperationRecord, items: readonly ItemKey[]): void;
  get(id: string): OperationRecord | null;
  /** The most recent first; unfinished ones always included. */
  recent(limit: number): OperationRecord[];
  unfinished(): OperationRecord[];
  update(id: string, change: Partial<Omit<OperationRecord, 'id'>>): void;
  items(id: string): OperationItem[];
  counts(id: string): OutcomeCounts;
  /** Recorded before the call leaves, so that after a crash the server knows what may have been applied. */
  markSent(id: string, items: readonly ItemKey[]): void;
  settle(id: string, items: readonly SettledItem[]): void;
  /** Puts items back to pending for another run. */
  reopen(id: string, items: readonly ItemKey[]): void;
  /**
   * Of `items`, those that an operation created after `after` (other than `except`) added or removed: an
   * undo leaves them alone.
   */
  changedLater(items: readonly ItemKey[], after: number, except: readonly string[]): ItemKey[];
  /** An export's usernames, in the order read. */
  exportList(id: string, list: ExportList): string[];
  /** A page read: its new usernames and where the walk stands, written together so a restart resumes there. */
  recordExportPage(id: string, walk: ExportWalk, usernames: readonly string[]): void;
  /** A pass ended: `file` becomes the file, the pass's list empties, and the walk moves on to `walk`. */
  endExportPass(id: string, walk: ExportWalk, file: readonly string[]): void;
  close(): void;
}
