// What happened to each user of a bulk operation. The shared constant objects keep a 10,000-user result map
// to one pointer per user; only outcomes that carry a reason allocate.

export type OutcomeStatus =
  'pending' | 'added' | 'already-a-member' | 'removed' | 'not-a-member' | 'refused' | 'failed' | 'not-sent';

export type UserOutcome =
  | { readonly status: 'pending' }
  | { readonly status: 'added' }
  /** Asked to be added but a member before the operation began (read before sending): nothing to do or undo. */
  | { readonly status: 'already-a-member' }
  /**
   * `inferred`: the API answered "not a member" on a retry after an earlier attempt of the same batch lost its
   * answer; the user was a member when the operation was planned, so the lost attempt is what removed them.
   */
  | { readonly status: 'removed'; readonly inferred?: true }
  | { readonly status: 'not-a-member' }
  /** The API refused this user for a lasting reason (e.g. not in the thread's group); `reason` is its words. */
  | { readonly status: 'refused'; readonly reason: string }
  /** Retries ran out, the operation stopped, or it was cancelled after an attempt whose answer was lost. */
  | { readonly status: 'failed'; readonly reason: string }
  /** Never sent (cancelled, or the operation stopped first); `reason` says why when it stopped on an error. */
  | { readonly status: 'not-sent'; readonly reason?: string };

export const PENDING: UserOutcome = Object.freeze({ status: 'pending' });
export const ADDED: UserOutcome = Object.freeze({ status: 'added' });
export const REMOVED: UserOutcome = Object.freeze({ status: 'removed' });
export const REMOVED_BY_LOST_ATTEMPT: UserOutcome = Object.freeze({ status: 'removed', inferred: true });
export const ALREADY_A_MEMBER: UserOutcome = Object.freeze({ status: 'already-a-member' });
export const NOT_A_MEMBER: UserOutcome = Object.freeze({ status: 'not-a-member' });
export const NOT_SENT: UserOutcome = Object.freeze({ status: 'not-sent' });

export type OutcomeCounts = Record<OutcomeStatus, number>;

export function emptyCounts(): OutcomeCounts {
  return {
    pending: 0,
    added: 0,
    'already-a-member': 0,
    removed: 0,
    'not-a-member': 0,
    refused: 0,
    failed: 0,
    'not-sent': 0,
  };
}

/** One batch's users as they settled, for listeners that patch a cached member list. */
export interface BatchSettled {
  kind: 'add' | 'remove';
  results: readonly { username: string; outcome: UserOutcome }[];
}
