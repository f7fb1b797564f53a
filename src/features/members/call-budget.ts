// The calls per second an export from this browser may spend walking a thread's pages. Additions and
// removals run on the server under its own budget (CHAT_CALLS_PER_SECOND); exports still walk the pages here.
// The app's own clients share the API's limit, so a moderator can leave them room; kept in this browser.
import { Pacer, DEFAULT_CALLS_PER_SECOND } from '../../lib/bulk/pacer.ts';

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
// Shared by every export of this tab, so that two exports together keep the budget.
const memberListPacer = new Pacer({ callsPerSecond: budget });

export function callBudget(): number {
  return budget;
}

export function setCallBudget(callsPerSecond: number): void {
  budget = callsPerSecond;
  storage?.setItem(STORAGE_KEY, String(callsPerSecond));
  memberListPacer.setCallsPerSecond(callsPerSecond);
}

/** The shared pacer of the member list endpoint (endpoint 1), used by exports that walk every page. */
export function listPacer(): Pacer {
  return memberListPacer;
}
