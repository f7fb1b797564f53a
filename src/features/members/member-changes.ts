// What operations changed in each thread's membership, as their events report it, numbered in the order they
// arrived. The member list's pages stay as the API gave them; the list shows them less what changed after
// each page was asked for (see member-view.ts).
import { queryOptions, skipToken, type QueryClient } from '@tanstack/react-query';
import type { SettledItems } from '../../api/operations.ts';

export interface MemberChange {
  readonly kind: 'removed' | 'added';
  /** The change's number in its thread: pages asked for before it do not know of it. */
  readonly seq: number;
}

export interface MemberChanges {
  /** The number of the thread's last change; 0 before any. */
  readonly seq: number;
  /** Each user's last change, in the order the changes came (an add back moves the user last). */
  readonly byName: ReadonlyMap<string, MemberChange>;
}

export const NO_CHANGES: MemberChanges = { seq: 0, byName: new Map() };

/** Written by the operation events only; never fetched, and kept while the pages it corrects may be. */
export const memberChangesQuery = (threadId: string) =>
  queryOptions<MemberChanges>({
    queryKey: ['member-changes', threadId],
    queryFn: skipToken,
    staleTime: Infinity,
    gcTime: Infinity,
  });

export function memberChangesOf(queryClient: QueryClient, threadId: string): MemberChanges {
  return queryClient.getQueryData(memberChangesQuery(threadId).queryKey) ?? NO_CHANGES;
}

function record(
  queryClient: QueryClient,
  threadId: string,
  changes: { added: readonly string[]; gone: readonly string[] },
): void {
  queryClient.setQueryData(memberChangesQuery(threadId).queryKey, (before = NO_CHANGES) => {
    const seq = before.seq + 1;
    const byName = new Map(before.byName);
    const note = (name: string, kind: MemberChange['kind']) => {
      byName.delete(name);
      byName.set(name, { kind, seq });
    };
    for (const name of changes.gone) note(name, 'removed');
    for (const name of changes.added) note(name, 'added');
    return { seq, byName };
  });
}

/** What an operation's settled items change in each thread's member list, whoever started the operation. */
export function followSettledItems(queryClient: QueryClient, settled: SettledItems): void {
  const byThread = new Map<string, { added: string[]; gone: string[] }>();
  for (const { threadId, username, status } of settled.items) {
    let changes = byThread.get(threadId);
    if (changes === undefined) {
      changes = { added: [], gone: [] };
      byThread.set(threadId, changes);
    }
    if (status === 'added') changes.added.push(username);
    else if (status === 'removed' || status === 'not-a-member') changes.gone.push(username);
    // An add refused (possibly after it first read as added, on hosts that skip users silently): not a member.
    else if (status === 'refused' && settled.kind === 'add') changes.gone.push(username);
  }
  for (const [threadId, changes] of byThread) {
    if (changes.added.length > 0 || changes.gone.length > 0) record(queryClient, threadId, changes);
  }
}
