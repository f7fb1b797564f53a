// How an operation and its items read: one line of counts, each item's outcome in words, what a retry sends.
import type { OperationItem, OperationSummary } from '../../api/operations.ts';
import type { OutcomeStatus } from '../../lib/bulk/outcomes.ts';
import { quantity } from '../../lib/quantity.ts';

const count = new Intl.NumberFormat();

export function outcomeText(item: Pick<OperationItem, 'status' | 'reason' | 'inferred'>): string {
  switch (item.status) {
    case 'pending':
      return 'waiting';
    case 'added':
      return 'added';
    case 'already-a-member':
      return 'already a member';
    case 'removed':
      return item.inferred ? 'removed (by an earlier attempt whose answer was lost)' : 'removed';
    case 'not-a-member':
      return 'not a member';
    case 'refused':
      return `refused: ${item.reason ?? 'the API gave no reason'}`;
    case 'failed':
      return `failed: ${item.reason ?? 'no answer'}`;
    case 'not-sent':
      return item.reason ? `not sent: ${item.reason}` : 'not sent (cancelled)';
  }
}

/** One line of counts for a running or finished operation. */
export function countsLine(operation: OperationSummary): string {
  if (operation.exportWalk !== null) return exportLine(operation, operation.exportWalk);
  const { counts } = operation;
  const changed =
    operation.kind === 'add'
      ? `Added ${count.format(counts.added)} · refused ${count.format(counts.refused)}`
      : `Removed ${count.format(counts.removed)} · not members ${count.format(counts['not-a-member'])}`;
  const already =
    counts['already-a-member'] > 0 ? ` · already members ${count.format(counts['already-a-member'])}` : '';
  const rest = `failed ${count.format(counts.failed)} · not sent ${count.format(counts['not-sent'])}`;
  const invalid = operation.invalidCount > 0 ? ` · invalid ${count.format(operation.invalidCount)}` : '';
  return `${changed}${already} · ${rest}${invalid}${operation.undoneBy !== null ? ' · undone' : ''}`;
}

function exportLine(operation: OperationSummary, walk: NonNullable<OperationSummary['exportWalk']>): string {
  if (operation.state === 'finished') {
    const file = `${quantity(walk.members, 'member', 'members')} in the file`;
    if (walk.note === null) return file;
    return walk.threadCount === null
      ? `${file} · not checked`
      : `${file} · the thread counts ${count.format(walk.threadCount)}`;
  }
  if (operation.state === 'cancelled' || operation.state === 'stopped') return 'No file';
  return `${quantity(walk.walked, 'member', 'members')} read · ${quantity(walk.pages, 'page', 'pages')}`;
}

/**
 * The items a retry sends again: the failed ones, and after a stop or a cancel also those never sent, so that
 * the operation can be finished once the cause is dealt with.
 */
export function itemsToRetry(operation: OperationSummary): { count: number; includesNotSent: boolean } {
  const notSent = operation.state === 'finished' ? 0 : operation.counts['not-sent'];
  return { count: operation.counts.failed + notSent, includesNotSent: notSent > 0 };
}

/** What the operation changed, which is what Undo reverses. */
export const changedStatus = (operation: OperationSummary): OutcomeStatus =>
  operation.kind === 'add' ? 'added' : 'removed';

/** Outcomes a moderator must look at first. */
export const PROBLEMS: readonly OutcomeStatus[] = ['refused', 'failed', 'not-sent'];

/** A count of an operation's items with their noun: members of a thread, or threads of one user. */
export function itemsText(operation: Pick<OperationSummary, 'scope'>, n: number): string {
  return operation.scope === 'user-threads'
    ? quantity(n, 'thread', 'threads')
    : quantity(n, 'member', 'members');
}

/** The Undo button's words: what it will do, to how many. */
export function undoText(operation: Pick<OperationSummary, 'scope' | 'kind'>, changed: number): string {
  const items = itemsText(operation, changed);
  if (operation.scope === 'user-threads') {
    return operation.kind === 'add' ? `Undo: remove from ${items}` : `Undo: add back to ${items}`;
  }
  return operation.kind === 'add' ? `Undo: remove the ${items} added` : `Undo: add back ${items}`;
}
