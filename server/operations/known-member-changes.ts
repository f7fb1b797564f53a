// The changes to a thread's members that went through this server (every operation's calls and every call the
// proxy forwarded), as the audit log recorded them: an export learns from them whether a walk over offset
// cursors may have skipped members, and who left the thread after it was listed.
import type { AuditStore } from '../audit-store.ts';

export interface KnownMemberChanges {
  /** A removal was applied, or may have been (no clear answer), since the time asked about. */
  removals: boolean;
  /** Each user's last known change since then. */
  last: ReadonlyMap<string, 'added' | 'removed'>;
}

const CALLS_PER_READ = 500;

export function knownMemberChanges(audit: AuditStore, threadId: string, since: number): KnownMemberChanges {
  const last = new Map<string, 'added' | 'removed'>();
  let removals = false;
  let before: number | undefined;
  for (;;) {
    // Newest first: the first change seen of a user is their last.
    const rows = audit.rows({ threadId, from: since }, CALLS_PER_READ, before);
    const calls = new Set<number>();
    for (const row of rows) {
      calls.add(row.callId);
      if (row.action === 'remove' && (row.outcome === 'removed' || row.outcome === 'unknown'))
        removals = true;
      if (row.username === null || (row.outcome !== 'added' && row.outcome !== 'removed')) continue;
      if (!last.has(row.username)) last.set(row.username, row.outcome);
    }
    if (calls.size < CALLS_PER_READ) return { removals, last };
    before = Math.min(...calls);
  }
}
