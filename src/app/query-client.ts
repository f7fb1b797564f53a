import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isSignInRequired } from '../api/session.ts';

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A session that ended mid-work: asking for the session again brings up the sign-in page.
      onError: (error, query) => {
        if (isSignInRequired(error) && query.queryKey[0] !== 'session') {
          void client.invalidateQueries({ queryKey: ['session'] });
        }
      },
    }),
    defaultOptions: {
      // The fetch layer owns transport retries; React Query must not multiply them.
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return client;
}
