// The Usernames box's text, parsed behind the typing: a keystroke in a box of 20,000 names paints at once, and
// the counts follow as soon as the parse (about 20 ms) has run, rather than every keystroke waiting for it.
// A paste or a file is parsed at once instead, so its counts show in the same frame as the text.
import { useDeferredValue, useMemo } from 'react';
import { parseUsernames, type ParsedUsernames } from '../../lib/username-list.ts';

/** A change of at least this many characters is a paste or a file rather than typing. */
const PASTE_SIZE = 100;

export interface ParsedUsernamesState {
  parsed: ParsedUsernames;
  /** The counts are of an older text: actions wait, so that what is sent is what the box holds. */
  counting: boolean;
}

export function useParsedUsernames(text: string): ParsedUsernamesState {
  const deferred = useDeferredValue(text);
  const settled = Math.abs(text.length - deferred.length) >= PASTE_SIZE ? text : deferred;
  const parsed = useMemo(() => parseUsernames(settled), [settled]);
  return { parsed, counting: settled !== text };
}
