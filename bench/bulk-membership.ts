// Checks a bulk operation's results against the thread's true membership, read from the emulator itself.
import type { BulkKind, BulkSnapshot } from '../src/lib/bulk/progress.ts';

const READ_TIMEOUT_MS = 10_000;

export async function trueMembers(emulatorControlUrl: string, threadId: string): Promise<Set<string>> {
  const response = await fetch(`${emulatorControlUrl}/_emulator/threads/${threadId}/members`, {
    headers: { 'content-type': 'application/json' },
    signal: AbortSignal.timeout(READ_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`Reading the members of thread ${threadId} answered ${response.status}.`);
  const body: unknown = await response.json();
  const members = typeof body === 'object' && body !== null && 'members' in body ? body.members : null;
  if (!Array.isArray(members) || !members.every((member) => typeof member === 'string')) {
    throw new Error(`The members of thread ${threadId} came back without a list of names.`);
  }
  return new Set(members);
}

export interface MembershipCheck {
  exact: boolean;
  /** What was found, for the table. */
  summary: string;
}

/**
 * Exact: the results agree with the thread user by user (`added` ⇒ member; `removed` and `not-a-member` ⇒ not
 * a member), every user got the intended outcome, and the thread holds nobody else. The thread starts empty,
 * so after adding it must hold exactly `usernames`, and after removing nobody.
 */
export function checkMembership(
  kind: BulkKind,
  usernames: readonly string[],
  result: BulkSnapshot,
  members: ReadonlySet<string>,
): MembershipCheck {
  let disagreements = 0;
  let unsettled = 0;
  for (const user of usernames) {
    const status = result.outcomes.get(user)?.status;
    const claimsMember = status === 'added';
    const claimsNonMember = status === 'removed' || status === 'not-a-member';
    if ((claimsMember && !members.has(user)) || (claimsNonMember && members.has(user))) disagreements++;
    if (!claimsMember && !claimsNonMember) unsettled++;
  }
  const wanted = kind === 'add' ? new Set(usernames) : new Set<string>();
  const missing = [...wanted].filter((user) => !members.has(user)).length;
  const extra = [...members].filter((user) => !wanted.has(user)).length;
  const exact = disagreements === 0 && unsettled === 0 && missing === 0 && extra === 0;
  const count = `${members.size.toLocaleString('en-US')} members`;
  if (exact) return { exact, summary: `exact (${count})` };
  const problems = [
    disagreements > 0 ? `${disagreements} results contradict the thread` : '',
    unsettled > 0 ? `${unsettled} users failed or not sent` : '',
    missing > 0 ? `${missing} intended members missing` : '',
    extra > 0 ? `${extra} unintended members` : '',
  ].filter((problem) => problem !== '');
  return { exact, summary: `NOT exact (${count}): ${problems.join(', ')}` };
}
