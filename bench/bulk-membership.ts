// Checks an operation's results against the thread's true membership, read from the emulator itself.
import type { ChangeKind } from '../src/api/operations.ts';

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
 * Exact: the results agree with the thread user by user (`added` and `already-a-member` ⇒ member; `removed` and
 * `not-a-member` ⇒ not a member), every user got an intended outcome, and the thread holds exactly the members
 * it held `before`, with `usernames` added or taken away.
 */
export function checkMembership(
  kind: ChangeKind,
  usernames: readonly string[],
  statuses: ReadonlyMap<string, string>,
  before: ReadonlySet<string>,
  members: ReadonlySet<string>,
): MembershipCheck {
  let disagreements = 0;
  let unsettled = 0;
  for (const user of usernames) {
    const status = statuses.get(user);
    const claimsMember = status === 'added' || status === 'already-a-member';
    const claimsNonMember = status === 'removed' || status === 'not-a-member';
    if ((claimsMember && !members.has(user)) || (claimsNonMember && members.has(user))) disagreements++;
    if (!claimsMember && !claimsNonMember) unsettled++;
  }
  const wanted = new Set(before);
  for (const user of usernames) {
    if (kind === 'add') wanted.add(user);
    else wanted.delete(user);
  }
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
