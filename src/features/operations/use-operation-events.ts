// Feeds the server's operation events into the cache, so that every view of an operation (the top bar, the
// list, an open operation, a thread's members) is current without asking. Mounted once, by the app shell.
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { followOperations } from '../../api/operation-events.ts';
import type { OperationDetail, OperationSummary, SettledItems } from '../../api/operations.ts';
import { isUnfinished, operationKey, operationListKey, operationsKey } from './operation-queries.ts';

export interface OperationEffects {
  /** Items settled: what a cached member list needs to stay true. */
  onSettled: (settled: SettledItems) => void;
  /** An operation ended (or the stream was reset): what it touched may be stale. */
  onEnded: (operation: OperationSummary | null) => void;
}

function upsert(
  list: OperationSummary[] | undefined,
  operation: OperationSummary,
): OperationSummary[] | undefined {
  if (list === undefined) return undefined;
  const others = list.filter((entry) => entry.id !== operation.id);
  return [operation, ...others].sort((a, b) => b.createdAt - a.createdAt);
}

function applySettled(
  detail: OperationDetail | undefined,
  settled: SettledItems,
): OperationDetail | undefined {
  if (detail === undefined || settled.items.length === 0) return detail;
  const key = (item: { threadId: string; username: string }) => `${item.threadId}\u0000${item.username}`;
  const outcomes = new Map(settled.items.map((item) => [key(item), item]));
  return {
    ...detail,
    items: detail.items.map((item) => {
      const now = outcomes.get(key(item));
      return now === undefined ? item : { ...item, status: now.status, reason: now.reason };
    }),
  };
}

/**
 * Reasons of failed items come with the items: read them once the run is over. A first read still in flight
 * when the end arrives is not restarted by an invalidation (it has no data to keep fresh), and it may answer
 * from before the end: then read once more.
 */
export async function readEnded(queryClient: QueryClient, id: string): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: operationKey(id) });
  const read = queryClient.getQueryData<OperationDetail>(operationKey(id));
  if (read !== undefined && isUnfinished(read.operation.state)) {
    await queryClient.invalidateQueries({ queryKey: operationKey(id) });
  }
}

function onOperation(queryClient: QueryClient, operation: OperationSummary, effects: OperationEffects) {
  const before =
    queryClient.getQueryData<OperationDetail>(operationKey(operation.id))?.operation ??
    queryClient
      .getQueryData<OperationSummary[]>(operationListKey)
      ?.find((entry) => entry.id === operation.id);
  queryClient.setQueryData<OperationSummary[]>(operationListKey, (list) => upsert(list, operation));
  queryClient.setQueryData<OperationDetail>(operationKey(operation.id), (detail) =>
    detail === undefined ? undefined : { ...detail, operation },
  );
  if (!isUnfinished(operation.state) && (before === undefined || isUnfinished(before.state))) {
    void readEnded(queryClient, operation.id);
    effects.onEnded(operation);
  }
}

export function useOperationEvents(effects: OperationEffects): void {
  const queryClient = useQueryClient();
  const latest = useRef(effects);
  useEffect(() => {
    latest.current = effects;
  });
  useEffect(
    () =>
      followOperations(
        (event) => {
          switch (event.type) {
            case 'operation':
              onOperation(queryClient, event.operation, latest.current);
              break;
            case 'settled':
              queryClient.setQueryData<OperationDetail>(operationKey(event.settled.id), (detail) =>
                applySettled(detail, event.settled),
              );
              latest.current.onSettled(event.settled);
              break;
            case 'reset':
              void queryClient.invalidateQueries({ queryKey: operationsKey });
              latest.current.onEnded(null);
              break;
          }
        },
        // Back after a break: what happened meanwhile is replayed, but a fresh list costs one call.
        () => void queryClient.invalidateQueries({ queryKey: operationListKey }),
      ),
    [queryClient],
  );
}
