// The embedded emulator's control routes, for injecting faults and reading the true membership.
import type { ApiVariants } from '../emulator/api-variants.ts';
import { E2E_EMULATOR_CONTROL_PORT } from './ports.ts';

const CONTROL = `http://127.0.0.1:${E2E_EMULATOR_CONTROL_PORT}/_emulator`;

type FaultKind = 'before-500' | 'before-503' | 'before-504' | 'after-500' | 'after-drop';

export interface FaultSettings {
  faultRate?: number;
  script?: FaultKind[];
  latency?: { minMs: number; maxMs: number } | 'realistic' | null;
  /** How the emulator answers where the public sources leave the API open. */
  variants?: Partial<ApiVariants>;
}

export async function setFaults(settings: FaultSettings): Promise<void> {
  const response = await fetch(`${CONTROL}/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(settings),
  });
  if (!response.ok) throw new Error(`Setting emulator faults failed: HTTP ${response.status}`);
}

export function clearFaults(): Promise<void> {
  return setFaults({ faultRate: 0, script: [], latency: null });
}

export async function threadMembers(threadId: string): Promise<string[]> {
  const response = await fetch(`${CONTROL}/threads/${threadId}/members`);
  if (!response.ok) throw new Error(`Reading the members of ${threadId} failed: HTTP ${response.status}`);
  const body = (await response.json()) as { members: string[] };
  return body.members;
}

/** Back to the demo data, for tests that change membership. */
export async function resetDemoData(): Promise<void> {
  const response = await fetch(`${CONTROL}/reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seed: 'demo' }),
  });
  if (!response.ok) throw new Error(`Resetting the emulator failed: HTTP ${response.status}`);
}
