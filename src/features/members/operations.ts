// The bulk operations of this browser tab. They outlive the dialogs that start them: a moderator can close a
// dialog, keep working, and come back to the progress and results until dismissing them.
import type { BulkOperation } from '../../lib/bulk/bulk-operation.ts';
import type { ParsedUsernames } from '../../lib/username-list.ts';
import type { AcrossThreads } from './user-thread-changes.ts';

export interface OperationEntry {
  id: number;
  /** What it does, e.g. "Add 20 members to Moderators lounge". */
  label: string;
  threadId: string;
  threadName: string;
  operation: BulkOperation;
  /** Entries of the input that were never sent, shown among the results. */
  invalid: ParsedUsernames['invalid'];
  /** Undo reverses an operation; an undo itself offers none. */
  isUndo: boolean;
  /** What to fetch again after each run, when more than the thread's own summary (see member-changes.ts). */
  refresh?: () => Promise<unknown>;
  /** Said beside Undo when reversing may do more than the operation did (see AddMembersDialog). */
  undoCaveat?: string;
  /**
   * Until when (`Date.now()`) Undo is offered: about ten seconds from the end of the latest run, wherever the
   * moderator is meanwhile. Null while running, once Undo was used, and for an undo.
   */
  undoUntil: number | null;
  /** Undo was used: it is not offered again, not even after a retry. */
  undone: boolean;
  /** Set when the items are threads one user leaves or rejoins (then `threadId` and `threadName` are empty). */
  acrossThreads?: AcrossThreads;
}

export const UNDO_WINDOW_MS = 10_000;

/** What a caller describes; the registry adds the id and the state of Undo. */
export type NewOperation = Omit<OperationEntry, 'id' | 'undoUntil' | 'undone'>;

let entries: readonly OperationEntry[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function changed(): void {
  entries = [...entries];
  for (const listener of listeners) listener();
}

function update(id: number, change: Partial<OperationEntry>): void {
  entries = entries.map((entry) => (entry.id === id ? { ...entry, ...change } : entry));
  changed();
}

export function isRunning(entry: OperationEntry): boolean {
  const { state } = entry.operation.getSnapshot();
  return state === 'running' || state === 'cancelling' || state === 'ready';
}

export const operations = {
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot: (): readonly OperationEntry[] => entries,
  /** Keeps the operation listed until dismissed, and tells listeners whenever it starts or ends a run. */
  add: (entry: NewOperation): OperationEntry => {
    const added: OperationEntry = { ...entry, id: nextId++, undoUntil: null, undone: false };
    let state = entry.operation.getSnapshot().state;
    entry.operation.subscribe(() => {
      const now = entry.operation.getSnapshot().state;
      if (now === state) return;
      state = now;
      const current = entries.find(({ id }) => id === added.id);
      if (!current) return;
      const offerUndo = !isRunning(current) && !current.isUndo && !current.undone;
      update(added.id, { undoUntil: offerUndo ? Date.now() + UNDO_WINDOW_MS : null });
    });
    entries = [...entries, added];
    changed();
    return added;
  },
  markUndone: (id: number): void => update(id, { undone: true, undoUntil: null }),
  dismiss: (id: number): void => {
    entries = entries.filter((entry) => entry.id !== id);
    changed();
  },
};
