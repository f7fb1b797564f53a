// Turns one successful add or remove call into an outcome per user of its batch.
import { normalizeUsername } from '../username.ts';
import { ADDED, NOT_A_MEMBER, REMOVED, REMOVED_BY_LOST_ATTEMPT, type UserOutcome } from './outcomes.ts';

/** The remove endpoint's answer for one user (src/api's MemberRemoval has this shape). */
export interface RemovalAnswer {
  user: string;
  removed: boolean;
}

/** Add is atomic and gives no per-user result: success means every user of the batch is a member now. */
export function addOutcomes(batch: readonly string[]): [string, UserOutcome][] {
  return batch.map((username) => [username, ADDED]);
}

/**
 * `false` normally means "was not a member". But when an earlier attempt for this user lost its answer, that
 * attempt may have removed them, and the retry then finds nobody to remove. The engine is given users who were
 * members when the operation was planned (selected rows, or a list checked against the loaded members), so the
 * likely story is the lost attempt: report `removed`, marked `inferred`. Reporting `not-a-member` would tell
 * a moderator that someone they saw in the list was never there, and Undo would leave them out.
 */
export function removeOutcomes(
  batch: readonly string[],
  answers: readonly RemovalAnswer[],
  possiblyRemoved: ReadonlySet<string>,
  wasMember: (username: string) => boolean = () => true,
): [string, UserOutcome][] {
  const byUser = new Map<string, boolean>();
  for (const answer of answers) {
    const user = normalizeUsername(answer.user);
    // A name sent twice answers `false` the second time; any `true` is what happened.
    byUser.set(user, (byUser.get(user) ?? false) || answer.removed);
  }
  return batch.map((username): [string, UserOutcome] => {
    const removed = byUser.get(normalizeUsername(username));
    if (removed === undefined)
      return [username, { status: 'failed', reason: 'The API gave no result for this user.' }];
    if (removed) return [username, REMOVED];
    return [
      username,
      possiblyRemoved.has(username) && wasMember(username) ? REMOVED_BY_LOST_ATTEMPT : NOT_A_MEMBER,
    ];
  });
}
