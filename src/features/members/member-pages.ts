// Pure rules of the member list: when paging ends, and what the filter shows.
import type { MemberPage } from '../../api/thread-members.ts';

/**
 * The cursor to fetch after `page`, or undefined at the end of the list: an empty page, a page without a
 * cursor, or a page shorter than asked for (the API fills every page but the last).
 */
export function cursorAfter(page: MemberPage, pageSize: number): string | undefined {
  if (page.fetchedCount === 0 || page.cursor === null || page.fetchedCount < pageSize) return undefined;
  return page.cursor;
}

/**
 * Positions (in join order) of the loaded members whose username contains the filter text, ignoring case;
 * null when there is no filter, so the common case allocates nothing.
 */
export function filterMembers(members: readonly string[], filter: string): number[] | null {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return null;
  const positions: number[] = [];
  members.forEach((name, position) => {
    if (name.toLowerCase().includes(needle)) positions.push(position);
  });
  return positions;
}

/**
 * The selected usernames in join order, for copying and exporting; any no longer among the loaded members
 * (the list was reloaded since) follow in the order they were selected.
 */
export function selectedInJoinOrder(members: readonly string[], selected: ReadonlySet<string>): string[] {
  if (selected.size === 0) return [];
  const inOrder = members.filter((name) => selected.has(name));
  if (inOrder.length === selected.size) return inOrder;
  const loaded = new Set(inOrder);
  return [...inOrder, ...[...selected].filter((name) => !loaded.has(name))];
}
