// How an operation is named in Operations and Activity: what it does, to whom, in which thread.
import { quantity } from '../../src/lib/quantity.ts';
import type { OperationRecord } from './operation-store.ts';

/** The thread by its name once read, else by its id. */
const threadTitle = (record: Pick<OperationRecord, 'threadId' | 'threadNames'>): string =>
  (record.threadId !== null && record.threadNames[record.threadId]) || `thread ${record.threadId ?? ''}`;

export const exportLabel = (record: Pick<OperationRecord, 'threadId' | 'threadNames'>): string =>
  `Export the members of ${threadTitle(record)}`;

/** `users`: the users of each item (one user throughout, across threads); one of them is named. */
export function labelOf(record: OperationRecord, users: readonly string[]): string {
  const undo = record.undoOf !== null;
  if (record.kind === 'export') return exportLabel(record);
  if (record.scope === 'user-threads') {
    const threads = quantity(users.length, 'thread', 'threads');
    if (record.kind === 'remove')
      return `${undo ? 'Undo: removing' : 'Remove'} ${record.username ?? ''} from ${threads}`;
    return `${undo ? 'Undo: adding' : 'Add'} ${record.username ?? ''} ${undo ? 'back ' : ''}to ${threads}`;
  }
  const thread = threadTitle(record);
  const members = users.length === 1 ? (users[0] ?? '') : quantity(users.length, 'member', 'members');
  if (record.kind === 'add')
    return undo ? `Undo: adding ${members} back to ${thread}` : `Add ${members} to ${thread}`;
  const added = users.length === 1 ? members : `the ${members}`;
  return undo ? `Undo: removing ${added} added to ${thread}` : `Remove ${members} from ${thread}`;
}
