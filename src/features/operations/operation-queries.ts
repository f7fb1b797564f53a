// The operations as the browser caches them: the list of everyone's recent ones, and one with its items.
// The server's event stream keeps both current (use-operation-events.ts); they are fetched when first needed.
import { queryOptions } from '@tanstack/react-query';
import type { useApi } from '../../api/api-context.tsx';
import { fetchOperation, fetchOperations, type OperationState } from '../../api/operations.ts';

type Api = ReturnType<typeof useApi>;

export const operationsKey = ['operations'] as const;
export const operationListKey = [...operationsKey, 'list'] as const;
export const operationKey = (id: string) => [...operationsKey, 'one', id] as const;

export function operationsQuery(api: Api) {
  return queryOptions({
    queryKey: operationListKey,
    queryFn: ({ signal }) => fetchOperations(api, signal),
  });
}

export function operationQuery(api: Api, id: string) {
  return queryOptions({
    queryKey: operationKey(id),
    queryFn: ({ signal }) => fetchOperation(api, id, signal),
  });
}

export const isUnfinished = (state: OperationState) =>
  state === 'planning' || state === 'running' || state === 'cancelling';
