// Whether an export's file is the thread's member list, after each walk over its pages. Where cursors are
// offsets, a member who leaves from a page already read shifts every later member one place back, so the next
// page skips one; members who join go to the end and are read there. A walk is exact when no member left
// while it ran; otherwise walks are merged (each user once, in join order) and the file is checked against
// the thread's member count.
import type { KnownMemberChanges } from './known-member-changes.ts';

/** Walks one export makes at most before it says the file and the count differ. */
export const MAX_PASSES = 4;

export interface PassFacts {
  /** The file so far, merged from earlier walks; empty after the first. */
  previous: readonly string[];
  /** What this walk read, each user once, in the order read. */
  walked: readonly string[];
  countAtStart: number | null;
  countAtEnd: number | null;
  /** Changes this server made since the export began, and whether one was a removal during this walk. */
  sinceExport: KnownMemberChanges;
  removalDuringWalk: boolean;
}

export interface PassVerdict {
  file: string[];
  /** The file holds the thread's members: two consecutive counts agree with it. */
  exact: boolean;
}

/**
 * `previous` and `current` are both in join order (every walk reads the list in that order), so each member of
 * `previous` that `current` lacks goes just before the next member the two share.
 */
export function mergeInJoinOrder(previous: readonly string[], current: readonly string[]): string[] {
  const inCurrent = new Set(current);
  const previousAt = new Map(previous.map((name, index) => [name, index]));
  const merged: string[] = [];
  let next = 0;
  const takePreviousUpTo = (end: number) => {
    for (; next < end; next++) {
      const name = previous[next] ?? '';
      if (!inCurrent.has(name)) merged.push(name);
    }
  };
  for (const name of current) {
    const at = previousAt.get(name);
    if (at !== undefined && at >= next) takePreviousUpTo(at + 1);
    merged.push(name);
  }
  takePreviousUpTo(previous.length);
  return merged;
}

export function judgePass(facts: PassFacts): PassVerdict {
  const { countAtStart, countAtEnd, walked } = facts;
  const steady = countAtStart !== null && countAtStart === countAtEnd;
  // Nobody left while this walk ran and the count held: it read every member once, and only they are members.
  if (steady && !facts.removalDuringWalk && walked.length === countAtEnd) {
    return { file: [...walked], exact: true };
  }
  const file = mergeInJoinOrder(facts.previous, walked).filter(
    (name) => facts.sinceExport.last.get(name) !== 'removed',
  );
  return { file, exact: steady && file.length === countAtEnd };
}

/** What the export says when its file and the thread's count still differ after the last walk. */
export function countMismatchNote(threadCount: number, members: number): string {
  const format = (n: number) => n.toLocaleString('en');
  return (
    `The thread had ${format(threadCount)} members at the end; the file has ${format(members)}: members ` +
    'joined or left during the export. Export again for an exact list.'
  );
}
