// Hands the ky instance to query factories, so tests can render the app against an in-process server.
import type { KyInstance } from 'ky';
import { createContext, useContext, type ReactNode } from 'react';

const ApiContext = createContext<KyInstance | null>(null);

export function ApiProvider({ client, children }: { client: KyInstance; children: ReactNode }) {
  return <ApiContext value={client}>{children}</ApiContext>;
}

export function useApi(): KyInstance {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi needs an <ApiProvider> above it.');
  return client;
}
