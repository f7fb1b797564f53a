// One bulk add or remove through the server's HTTP API, as the browser runs it, timed and checked against the
// emulator's true membership.
import type { KyInstance } from 'ky';
import { addThreadMembers, removeThreadMembers } from '../src/api/thread-member-changes.ts';
import { BulkOperation } from '../src/lib/bulk/bulk-operation.ts';
import type { BulkKind, BulkSnapshot } from '../src/lib/bulk/progress.ts';
import { checkMembership, trueMembers, type MembershipCheck } from './bulk-membership.ts';

export interface BulkRun {
  kind: BulkKind;
  wallMs: number;
  result: BulkSnapshot;
  membership: MembershipCheck;
}

export interface BulkRunTarget {
  api: KyInstance;
  emulatorControlUrl: string;
  threadId: string;
}

/** Cancels the operation after `cancelAfterMs`; calls in flight are still awaited (ky times each out at 20 s). */
export async function runBulk(
  { api, emulatorControlUrl, threadId }: BulkRunTarget,
  kind: BulkKind,
  usernames: readonly string[],
  cancelAfterMs: number,
): Promise<BulkRun> {
  const signal = AbortSignal.timeout(cancelAfterMs);
  const operation =
    kind === 'add'
      ? new BulkOperation({
          kind,
          usernames,
          signal,
          call: (batch) => addThreadMembers(api, threadId, batch),
        })
      : new BulkOperation({
          kind,
          usernames,
          signal,
          call: (batch) => removeThreadMembers(api, threadId, batch),
        });
  const startedAt = performance.now();
  const result = await operation.start();
  const wallMs = performance.now() - startedAt;
  const members = await trueMembers(emulatorControlUrl, threadId);
  return { kind, wallMs, result, membership: checkMembership(kind, usernames, result, members) };
}
