// Turns "limit + 1" rows into a page and its cursor, with the end-of-list rules of the real service.
import { encodeCursor } from './cursor.ts';
import type { CursorScope } from './cursor.ts';

export interface Page<T> {
  items: T[];
  /** Absent on an empty page, and on the last page when cursorOnLastPage is off. */
  cursor: string | undefined;
}

/** `rows` must hold up to limit + 1 items: the extra one only tells whether more follow. */
export function toPage<T>(
  rows: T[],
  limit: number,
  positionOf: (item: T) => number,
  scope: CursorScope,
  cursorOnLastPage: boolean,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const hasMore = rows.length > limit;
  // The real service still hands out a cursor with a short last page; only an empty page has none.
  if (last === undefined || (!hasMore && !cursorOnLastPage)) return { items, cursor: undefined };
  return { items, cursor: encodeCursor(scope, positionOf(last)) };
}

export function pageProperties(cursor: string | undefined): Record<string, string> {
  return cursor === undefined ? {} : { cursor };
}

/** Like toPage, for a list paged by offset: the cursor is the offset after this page's last item. */
export function offsetPage<T>(
  rows: T[],
  offset: number,
  limit: number,
  scope: CursorScope,
  cursorOnLastPage: boolean,
): Page<T> {
  const positioned = rows.map((item, index) => ({ item, position: offset + index + 1 }));
  const page = toPage(positioned, limit, (row) => row.position, scope, cursorOnLastPage);
  return { items: page.items.map((row) => row.item), cursor: page.cursor };
}
