// Sorts a failed add/remove call into what the engine does next. The engine lives in src/lib, which does not
// import src/api, so it reads the ApiError shape ({ status, code, description }) structurally.
import { normalizeUsername } from '../username.ts';

export type CallFailure =
  /** 429: nothing was applied; slow down and send again. */
  | { kind: 'rate-limited'; reason: string }
  /** 5xx, no response, or an unreadable answer: the call may or may not have been applied. */
  | { kind: 'transient'; reason: string }
  /** The batch was refused as a whole for a lasting reason; `named` lists the users the reason names. */
  | { kind: 'refused'; reason: string; named: string[] | null }
  /**
   * An add refused as a whole because some users are members already (hosts that treat a repeated join as an
   * error): those users need nothing, the rest of the batch is sent again.
   */
  | { kind: 'already-members'; reason: string; named: string[] | null }
  /**
   * Nothing else in this operation can succeed (unknown thread, bad credentials, threads switched off), or
   * should be tried (the audit log cannot record changes).
   */
  | { kind: 'fatal'; reason: string; mayHaveApplied?: true };

interface CallError {
  status: number;
  code: string | null;
  /** The API's numeric `error_code`, when the answer had one. */
  errorCode: number | null;
  description: string;
}

function asCallError(error: unknown): CallError | null {
  if (typeof error !== 'object' || error === null) return null;
  const { status, code, errorCode, description } = error as Partial<Record<keyof CallError, unknown>>;
  if (typeof status !== 'number' || typeof description !== 'string') return null;
  return {
    status,
    code: typeof code === 'string' ? code : null,
    errorCode: typeof errorCode === 'number' ? errorCode : null,
    description,
  };
}

/**
 * The users a description lists (`users [a, b] are not members of this group!`, `user not in group. [a, b]`),
 * or null when none are named.
 */
export function namedUsers(description: string): string[] | null {
  const match = /\[([^\]]*)\]/.exec(description);
  const names = match?.[1]
    ?.split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  return names && names.length > 0 ? names : null;
}

/**
 * One user's part of a reason that names several: `users [a, b] are …` becomes `users [a] are …` for `a`. A reason
 * that does not name this item (one user across threads, where the items are threads) stays as it is.
 */
export function reasonForUser(description: string, item: string): string {
  const named = namedUsers(description);
  const key = normalizeUsername(item);
  if (named === null || !named.some((name) => normalizeUsername(name) === key)) return description;
  return description.replace(/\[[^\]]*\]/, `[${item}]`);
}

const USER_THREAD_LIMIT = 'user join thread reach limit.';
/** The web SDK's "already exists" codes for a 403. */
const ALREADY_EXISTS_CODES: readonly number[] = [40003, 40004];
/** Words a host may use when the codes are missing: `… are already members …`, `already exists`. */
const ALREADY_MEMBERS = /\balready (a )?(members?|exists?|joined)\b/i;
/** Create-thread's words for a user outside the group; adding such users may answer the same 404. */
const NOT_IN_GROUP = /^user not in group\b/i;

export function classifyFailure(error: unknown): CallFailure {
  const failure = asCallError(error);
  if (failure === null) {
    // Not from the fetch layer: a bug. Stopping beats repeating it a thousand times.
    return { kind: 'fatal', reason: error instanceof Error ? error.message : String(error) };
  }
  const { status, code, errorCode, description } = failure;
  if (status === 429) return { kind: 'rate-limited', reason: description };
  // The Chat API made the change but the audit log could not record it: sending more would only make more
  // changes nobody can trace, so the operation stops, and the description says the change may be applied.
  if (code === 'audit_write_failed') return { kind: 'fatal', reason: description, mayHaveApplied: true };
  // 200 here means the answer arrived but could not be read: the call was applied, so it counts as uncertain.
  if (status === 0 || status === 200 || status === 408 || status >= 500) {
    return { kind: 'transient', reason: status === 0 ? description : `${description} (HTTP ${status})` };
  }
  if (
    status === 403 &&
    ((errorCode !== null && ALREADY_EXISTS_CODES.includes(errorCode)) || ALREADY_MEMBERS.test(description))
  ) {
    return { kind: 'already-members', reason: description, named: namedUsers(description) };
  }
  if (
    code === 'forbidden_op' ||
    code === 'service_resource_not_found' ||
    description === USER_THREAD_LIMIT ||
    // A 404 about users is a refusal of those users, not a missing thread.
    (status === 404 && NOT_IN_GROUP.test(description))
  ) {
    return { kind: 'refused', reason: description, named: namedUsers(description) };
  }
  // 401, 403 `thread not open.`, 404 `thread not found.` and any 4xx we cannot pin on particular users:
  // bisecting would only repeat the same answer for every user.
  return { kind: 'fatal', reason: `${description} (HTTP ${status})` };
}
