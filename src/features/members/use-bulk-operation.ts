// One bulk operation of a dialog, as React state: its live snapshot, and runs that refresh the thread after.
import { useQueryClient } from '@tanstack/react-query';
import { useState, useSyncExternalStore } from 'react';
import type { BulkOperation } from '../../lib/bulk/bulk-operation.ts';
import type { BulkSnapshot } from '../../lib/bulk/progress.ts';
import { refreshThreadSummary } from './member-cache.ts';

const noOperation = () => () => undefined;
const noSnapshot = () => null;

export function useBulkOperation(threadId: string) {
  const queryClient = useQueryClient();
  const [operation, setOperation] = useState<BulkOperation | null>(null);
  const snapshot: BulkSnapshot | null = useSyncExternalStore(
    operation?.subscribe ?? noOperation,
    operation?.getSnapshot ?? noSnapshot,
  );
  const refresh = () => refreshThreadSummary(queryClient, threadId);
  return {
    operation,
    snapshot,
    running: snapshot?.state === 'running' || snapshot?.state === 'cancelling',
    /** Shows `next` from now on and starts it. */
    run: (next: BulkOperation) => {
      setOperation(next);
      void next.start().finally(refresh);
    },
    retryFailed: () => {
      if (operation) void operation.retryFailed().finally(refresh);
    },
  };
}
