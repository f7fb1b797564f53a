// The calls per second an export from this browser may spend walking a thread's pages. Additions and
// removals run on the server under its own budget (CHAT_CALLS_PER_SECOND); exports still walk the pages here.
// The app's own clients share the API's limit, so a moderator can leave them room; kept in this browser.
import { Pacer, DEFAULT_CALLS_PER_SECOND } from '../../lib/bulk/pacer.ts';

const STORAGE_KEY = 'thread-members-admin.calls-per-second';
// Absent outside a browser (unit tests), where the default budget applies.
const storage = (globalThis as { localStorage?: Storage }).localStorage;
export const MAX_CALLS_PER_SECOND = 100;

function stored(): number {
  return callBudgetFromText(storage?.getItem(STORAGE_KEY) ?? '') ?? DEFAULT_CALLS_PER_SECOND;
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

/** The budget a field's text gives, or null when it is not a whole number from 1 to the maximum. */
export function callBudgetFromText(text: string): number | null {
  const value = Number(text);
  return /^\d{1,3}$/.test(text) && value >= 1 && value <= MAX_CALLS_PER_SECOND ? value : null;
}

/**
 * What the budget field last held that is not a budget, so that closing and reopening its dialog shows the
 * same text and message instead of silently showing the budget in use; null when the field held a budget.
 */
let rejectedText: string | null = null;

/** The text the budget field shows: the last text typed when it was not a budget, else the budget. */
export function callBudgetText(): string {
  return rejectedText ?? String(budget);
}

/** Takes what was typed into the budget field: a budget applies at once; anything else is kept as typed. */
export function enterCallBudget(text: string): void {
  const value = callBudgetFromText(text);
  rejectedText = value === null ? text : null;
  if (value !== null) setCallBudget(value);
}

/** The shared pacer of the member list endpoint (endpoint 1), used by exports that walk every page. */
export function listPacer(): Pacer {
  return memberListPacer;
}
