// Which bulk operation is open, kept in the address (`?operation=<id>`, or `all` for the list), so that any
// page can show one, a reload keeps it open, and a link to it can be shared.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

const PARAM = 'operation';
export const ALL_OPERATIONS = 'all';

export function useOperationAddress(): {
  /** An operation's id, `all`, or null when none is open. */
  shown: string | null;
  show: (id: string) => void;
  close: () => void;
} {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (value: string | null) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(PARAM);
        else next.set(PARAM, value);
        return next;
      }),
    [setParams],
  );
  return {
    shown: params.get(PARAM),
    show: useCallback((id: string) => set(id), [set]),
    close: useCallback(() => set(null), [set]),
  };
}
