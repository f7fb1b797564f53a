// Which loaded members are selected: a toggle per row, shift ranges, all loaded at once. Members who leave the
// list (removed here, by an undo, or by another operation) leave the selection too.
import { useCallback, useMemo, useRef, useState } from 'react';
import { selectedInJoinOrder } from './member-pages.ts';

const NO_SELECTION: ReadonlySet<string> = new Set();
const NO_MEMBERS: readonly string[] = [];

function keepLoaded(selected: ReadonlySet<string>, members: readonly string[]): ReadonlySet<string> {
  const loaded = new Set(members);
  return [...selected].every((name) => loaded.has(name))
    ? selected
    : new Set([...selected].filter((name) => loaded.has(name)));
}

/**
 * @param members the loaded members in join order, undefined while the list loads (nothing is pruned then);
 * @param shown positions of the rows on screen when filtering, else null (see filterMembers).
 */
export function useMemberSelection(members: readonly string[] | undefined, shown: readonly number[] | null) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(NO_SELECTION);
  /** The member last toggled: a shift range runs from them, wherever filtering or removals moved their row. */
  const anchorMember = useRef<string | null>(null);
  const loaded = members ?? NO_MEMBERS;

  const [prunedFor, setPrunedFor] = useState(members);
  if (members !== undefined && prunedFor !== members) {
    setPrunedFor(members);
    if (selected.size > 0) setSelected(keepLoaded(selected, members));
  }

  const usernameAt = useCallback((row: number) => loaded[shown ? (shown[row] ?? -1) : row], [loaded, shown]);
  const rowOf = useCallback(
    (name: string): number | null => {
      const position = loaded.indexOf(name);
      if (position === -1) return null;
      const row = shown ? shown.indexOf(position) : position;
      return row === -1 ? null : row;
    },
    [loaded, shown],
  );

  /** Toggles the member on `row` of the grid; with `range`, every row from the last toggled member too. */
  const toggle = useCallback(
    (row: number, range: boolean) => {
      const name = usernameAt(row);
      if (name === undefined) return;
      const anchor = range && anchorMember.current !== null ? rowOf(anchorMember.current) : null;
      setSelected((current) => {
        const next = new Set(current);
        const select = !current.has(name);
        const from = anchor === null ? row : Math.min(anchor, row);
        const to = anchor === null ? row : Math.max(anchor, row);
        for (let r = from; r <= to; r++) {
          const member = usernameAt(r);
          if (member === undefined) continue;
          if (select) next.add(member);
          else next.delete(member);
        }
        return next;
      });
      anchorMember.current = name;
    },
    [usernameAt, rowOf],
  );

  const allLoadedSelected = loaded.length > 0 && loaded.every((name) => selected.has(name));
  const toggleAllLoaded = useCallback(
    () => setSelected(allLoadedSelected ? NO_SELECTION : new Set(loaded)),
    [allLoadedSelected, loaded],
  );
  const inJoinOrder = useMemo(() => selectedInJoinOrder(loaded, selected), [loaded, selected]);

  return { selected, inJoinOrder, allLoadedSelected, toggle, toggleAllLoaded };
}
