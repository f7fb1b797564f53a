// The two bulk changes of a thread's membership, wired to the API and to the cached member list.
import type { QueryClient } from '@tanstack/react-query';
import type { useApi } from '../../api/api-context.tsx';
import { addThreadMembers, removeThreadMembers } from '../../api/thread-member-changes.ts';
import { BulkOperation } from '../../lib/bulk/bulk-operation.ts';
import type { BatchSettled, OutcomeStatus } from '../../lib/bulk/outcomes.ts';
import type { BulkSnapshot } from '../../lib/bulk/progress.ts';
import { hideRemovedMembers, showAddedMembers } from './member-cache.ts';

type Api = ReturnType<typeof useApi>;

const settledAs = (event: BatchSettled, ...statuses: OutcomeStatus[]) =>
  event.results.filter((result) => statuses.includes(result.outcome.status)).map((result) => result.username);

/** Users of a finished operation whose membership it changed: what Undo reverses. */
export function changedUsers(snapshot: BulkSnapshot): string[] {
  const changed = snapshot.kind === 'add' ? 'added' : 'removed';
  return [...snapshot.outcomes].filter(([, outcome]) => outcome.status === changed).map(([name]) => name);
}

export function addMembersOperation(
  api: Api,
  queryClient: QueryClient,
  threadId: string,
  usernames: string[],
) {
  const operation = new BulkOperation({
    kind: 'add',
    usernames,
    call: (batch) => addThreadMembers(api, threadId, batch),
  });
  operation.onBatchSettled((event) => showAddedMembers(queryClient, threadId, settledAs(event, 'added')));
  return operation;
}

export function removeMembersOperation(
  api: Api,
  queryClient: QueryClient,
  threadId: string,
  usernames: readonly string[],
  {
    wasMember,
    onGone,
  }: { wasMember?: (username: string) => boolean; onGone?: (usernames: readonly string[]) => void } = {},
) {
  const operation = new BulkOperation({
    kind: 'remove',
    usernames,
    call: (batch) => removeThreadMembers(api, threadId, batch),
    ...(wasMember ? { wasMember } : {}),
  });
  operation.onBatchSettled((event) => {
    const gone = settledAs(event, 'removed', 'not-a-member');
    hideRemovedMembers(queryClient, threadId, gone);
    onGone?.(gone);
  });
  return operation;
}

/** One line of counts for a running or finished operation. */
export function operationSummary(snapshot: BulkSnapshot): string {
  const { counts } = snapshot;
  const count = new Intl.NumberFormat();
  const changed =
    snapshot.kind === 'add'
      ? `Added ${count.format(counts.added)} · refused ${count.format(counts.refused)}`
      : `Removed ${count.format(counts.removed)} · not members ${count.format(counts['not-a-member'])}`;
  return `${changed} · failed ${count.format(counts.failed)} · not sent ${count.format(counts['not-sent'])}`;
}
