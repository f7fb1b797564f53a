// The member list as a moderator sees it: the API's pages, less what operations changed after each page was
// asked for, plus members added at the end once the list reaches it. Pure, so that a page landing late can
// never bring back a member who left: the pages are never edited.
import type { MemberPage } from '../../api/thread-members.ts';
import type { MemberChanges } from './member-changes.ts';
import { cursorAfter } from './member-pages.ts';

export interface LoadedMemberPage extends MemberPage {
  /** The thread's last change number when the page was asked for: later changes are not in it. */
  readonly changesSeen: number;
}

/** Each member once, in the API's order. */
export function membersShown(
  pages: readonly LoadedMemberPage[],
  changes: MemberChanges,
  pageSize: number,
): string[] {
  const shown: string[] = [];
  const listed = new Set<string>();
  for (const page of pages) {
    for (const name of page.members) {
      const change = changes.byName.get(name);
      // Changed since this page was asked for: gone, or added back and listed last.
      if (change !== undefined && change.seq > page.changesSeen) continue;
      // A page read again after members left repeats rows already shown.
      if (listed.has(name)) continue;
      listed.add(name);
      shown.push(name);
    }
  }
  const last = pages.at(-1);
  if (last === undefined || cursorAfter(last, pageSize) !== undefined) return shown;
  // The API lists a new member last: at the end of the list, members added since its last page follow it.
  for (const [name, change] of changes.byName) {
    if (change.kind === 'added' && change.seq > last.changesSeen && !listed.has(name)) {
      listed.add(name);
      shown.push(name);
    }
  }
  return shown;
}

/**
 * The cursor of the next page. Some hosts' cursors are offsets into the current list: each loaded member who
 * left since the last page was asked for makes the next page skip one, and the last page too if the API served
 * it after they left. The next page then starts again from as many pages before the last one as members
 * left; the rows it repeats are shown once (see membersShown).
 */
export function nextPageParam(
  pages: readonly LoadedMemberPage[],
  pageParams: readonly string[],
  changes: MemberChanges,
  pageSize: number,
): string | undefined {
  const last = pages.at(-1);
  if (last === undefined) return undefined;
  const next = cursorAfter(last, pageSize);
  if (next === undefined || changes.seq <= last.changesSeen) return next;
  const loaded = new Set(pages.flatMap((page) => page.members));
  let left = 0;
  for (const [name, change] of changes.byName) {
    if (change.seq > last.changesSeen && loaded.has(name)) left += 1;
  }
  if (left === 0) return next;
  return pageParams[Math.max(0, pages.length - 1 - Math.ceil(left / pageSize))] ?? '';
}
