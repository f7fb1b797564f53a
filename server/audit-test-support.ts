// Audit stores in memory and audited calls for the tests of the audit log and its export.
import { afterEach } from 'vitest';
import { openAuditStore, type AuditCall, type AuditStore } from './audit-store.ts';

/** Opens in-memory stores on the given clock, each closed after its test. */
export function memoryAuditStores(now: () => number): (retentionDays?: number) => AuditStore {
  const stores: AuditStore[] = [];
  afterEach(() => {
    for (const opened of stores.splice(0)) opened.close();
  });
  return (retentionDays = 30) => {
    const opened = openAuditStore(':memory:', { retentionDays, now });
    stores.push(opened);
    return opened;
  };
}

let requestCount = 0;

/** One add by ann of bob to thread 100 at `time`, answered 200, with a request id of its own. */
export function auditCall(time: number, overrides: Partial<AuditCall> = {}): AuditCall {
  requestCount += 1;
  return {
    time,
    actor: 'ann',
    role: 'moderator',
    threadId: '100',
    action: 'add',
    upstreamStatus: 200,
    requestId: `request-${requestCount}`,
    operationId: null,
    outcomes: [{ username: 'bob', outcome: 'added' }],
    ...overrides,
  };
}
