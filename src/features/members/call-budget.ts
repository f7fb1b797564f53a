// The calls per second that bulk operations may spend. The app's own clients share the API's limit of 100
// per second per endpoint, so a moderator can leave them room; the choice is kept in this browser.
import { Pacer, DEFAULT_CALLS_PER_SECOND } from '../../lib/bulk/pacer.ts';
import type { BulkKind } from '../../lib/bulk/progress.ts';

const STORAGE_KEY = 'thread-members-admin.calls-per-second';
// Absent outside a browser (unit tests), where the default budget applies.
const storage = (globalThis as { localStorage?: Storage }).localStorage;
export const MAX_CALLS_PER_SECOND = 100;

function stored(): number {
  const value = Number(storage?.getItem(STORAGE_KEY));
  return Number.isInteger(value) && value >= 1 && value <= MAX_CALLS_PER_SECOND
    ? value
    : DEFAULT_CALLS_PER_SECOND;
}

let budget = stored();
// One pacer per endpoint, shared by every operation of this tab, so that two operations together keep the budget.
const pacers: Record<BulkKind, Pacer> = {
  add: new Pacer({ callsPerSecond: budget }),
  remove: new Pacer({ callsPerSecond: budget }),
};
// The member list endpoint has a limit of its own: exports share this one, apart from additions and removals.
const memberListPacer = new Pacer({ callsPerSecond: budget });

export function callBudget(): number {
  return budget;
}

export function setCallBudget(callsPerSecond: number): void {
  budget = callsPerSecond;
  storage?.setItem(STORAGE_KEY, String(callsPerSecond));
  for (const pacer of [...Object.values(pacers), memberListPacer]) pacer.setCallsPerSecond(callsPerSecond);
}

export function pacerFor(kind: BulkKind): Pacer {
  return pacers[kind];
}

/** The shared pacer of the member list endpoint (endpoint 1), used by exports that walk every page. */
export function listPacer(): Pacer {
  return memberListPacer;
}
