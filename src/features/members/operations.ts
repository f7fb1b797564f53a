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
  /** Set when the items are threads one user leaves or rejoins (then `threadId` and `threadName` are empty). */
  acrossThreads?: AcrossThreads;
}

let entries: readonly OperationEntry[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function changed(): void {
  entries = [...entries];
  for (const listener of listeners) listener();
}

export const operations = {
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot: (): readonly OperationEntry[] => entries,
  /** Keeps the operation listed until dismissed, and tells listeners whenever it starts or ends a run. */
  add: (entry: Omit<OperationEntry, 'id'>): OperationEntry => {
    const added = { ...entry, id: nextId++ };
    let state = entry.operation.getSnapshot().state;
    entry.operation.subscribe(() => {
      const now = entry.operation.getSnapshot().state;
      if (now !== state) {
        state = now;
        changed();
      }
    });
    entries = [...entries, added];
    changed();
    return added;
  },
  dismiss: (id: number): void => {
    entries = entries.filter((entry) => entry.id !== id);
    changed();
  },
};

export function isRunning(entry: OperationEntry): boolean {
  const { state } = entry.operation.getSnapshot();
  return state === 'running' || state === 'cancelling' || state === 'ready';
}
