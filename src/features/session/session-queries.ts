import { queryOptions } from '@tanstack/react-query';
import { fetchSession } from '../../api/session.ts';
import type { useApi } from '../../api/api-context.tsx';

export function sessionQuery(api: ReturnType<typeof useApi>) {
  return queryOptions({
    queryKey: ['session'],
    queryFn: ({ signal }) => fetchSession(api, signal),
    // The backend only changes when the server restarts.
    staleTime: Infinity,
  });
}
