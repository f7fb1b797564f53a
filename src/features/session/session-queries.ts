import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context.tsx';
import { fetchSession } from '../../api/session.ts';

export function sessionQuery(api: ReturnType<typeof useApi>) {
  return queryOptions({
    queryKey: ['session'],
    queryFn: ({ signal }) => fetchSession(api, signal),
    // The backend and the signed-in user change only by a restart, a sign-in or a sign-out.
    staleTime: Infinity,
  });
}

/** Whether the signed-in user may add and remove members; the server refuses anyone else regardless. */
export function useMayChangeMembers(): boolean {
  return useQuery(sessionQuery(useApi())).data?.user.role === 'moderator';
}

/** The signed-in user's name, once the session is known. */
export function useSignedInName(): string | undefined {
  return useQuery(sessionQuery(useApi())).data?.user.name;
}
