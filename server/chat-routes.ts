// The allow-list of Chat API calls the dashboard may make through the proxy; everything else is refused.

/** Query parameters a route may carry, each with the only shape it may have. */
const QUERY_RULES = {
  limit: /^\d{1,4}$/,
  cursor: /^[A-Za-z0-9_=-]{0,512}$/,
  sort: /^(asc|desc)$/,
} as const;

type QueryName = keyof typeof QUERY_RULES;

const ID = /^[0-9A-Za-z_-]{1,64}$/;

/** A thread or group id as the proxy forwards it. */
export const isChatId = (value: string): boolean => ID.test(value);
const USERNAME = /^[A-Za-z0-9_.-]{1,64}$/;
const SEGMENT = /^[A-Za-z0-9_.-]+$/;

/** A literal segment, or one of the placeholders `threadId`, `groupId`, `username`. */
type SegmentRule = string;

interface ChatRoute {
  method: 'GET' | 'POST' | 'DELETE';
  segments: readonly SegmentRule[];
  query: readonly QueryName[];
  /** Whether the call carries a JSON body. */
  body: boolean;
}

const PLACEHOLDERS: Readonly<Record<string, RegExp>> = { threadId: ID, groupId: ID, username: USERNAME };

/**
 * The thread endpoints the dashboard uses. Create, rename and delete thread (endpoints 4, 5 and 6) are
 * deliberately absent: a member-management tool has no business destroying threads with an admin token.
 */
export const CHAT_ROUTES: readonly ChatRoute[] = [
  { method: 'GET', segments: ['thread', 'threadId', 'users'], query: ['limit', 'cursor'], body: false },
  { method: 'POST', segments: ['thread', 'threadId', 'users'], query: [], body: true },
  { method: 'DELETE', segments: ['thread', 'threadId', 'users'], query: [], body: true },
  // The older plural spelling, for hosts that know only it (operations fall back to it once).
  { method: 'DELETE', segments: ['threads', 'threadId', 'users'], query: [], body: true },
  { method: 'GET', segments: ['thread'], query: ['limit', 'cursor', 'sort'], body: false },
  { method: 'GET', segments: ['thread', 'threadId'], query: [], body: false },
  {
    method: 'GET',
    segments: ['threads', 'user', 'username'],
    query: ['limit', 'cursor', 'sort'],
    body: false,
  },
  {
    method: 'GET',
    segments: ['threads', 'chatgroups', 'groupId', 'user', 'username'],
    query: ['limit', 'cursor', 'sort'],
    body: false,
  },
  // Whether a user is in a thread's group: only they can be added, so the dashboard asks before offering it.
  {
    method: 'GET',
    segments: ['chatgroups', 'groupId', 'user', 'username', 'is_joined'],
    query: [],
    body: false,
  },
];

export type ChatRouteMatch =
  | { ok: true; path: string; query: string; body: boolean }
  | { ok: false; reason: 'not-allowed' }
  | { ok: false; reason: 'bad-query'; parameter: string };

function segmentMatches(rule: SegmentRule, segment: string): boolean {
  const placeholder = PLACEHOLDERS[rule];
  if (placeholder === undefined) return rule === segment;
  return placeholder.test(segment);
}

/**
 * Splits the raw request target (after `/api/chat/`, before any percent-decoding) into checked segments.
 * Any `%` is refused outright so that encoded dots and slashes, single or double encoded, never reach the
 * upstream URL where another layer might decode them into a traversal.
 */
function checkedSegments(rawPath: string): string[] | null {
  if (rawPath.length === 0 || /[%\\]/.test(rawPath)) return null;
  const segments = rawPath.split('/');
  for (const segment of segments) {
    if (!SEGMENT.test(segment) || segment === '.' || segment === '..') return null;
  }
  return segments;
}

/** Rebuilds the query from the allowed parameters only; a repeated or malformed one is an error. */
function rebuildQuery(
  rawQuery: string,
  allowed: readonly QueryName[],
): { ok: true; query: string } | { ok: false; parameter: string } {
  const incoming = new URLSearchParams(rawQuery);
  const outgoing = new URLSearchParams();
  for (const name of allowed) {
    const values = incoming.getAll(name);
    if (values.length === 0) continue;
    const [value] = values;
    if (values.length > 1 || value === undefined || !QUERY_RULES[name].test(value)) {
      return { ok: false, parameter: name };
    }
    outgoing.set(name, value);
  }
  return { ok: true, query: outgoing.toString() };
}

/**
 * Matches a method and the raw target after `/api/chat/` (path plus optional `?query`) against the
 * allow-list, returning the upstream path and rebuilt query to forward.
 */
export function matchChatRoute(method: string, rawTarget: string): ChatRouteMatch {
  const queryStart = rawTarget.indexOf('?');
  const rawPath = queryStart === -1 ? rawTarget : rawTarget.slice(0, queryStart);
  const rawQuery = queryStart === -1 ? '' : rawTarget.slice(queryStart + 1);
  const segments = checkedSegments(rawPath);
  if (segments === null) return { ok: false, reason: 'not-allowed' };

  const route = CHAT_ROUTES.find(
    (candidate) =>
      candidate.method === method &&
      candidate.segments.length === segments.length &&
      candidate.segments.every((rule, index) => segmentMatches(rule, segments[index] ?? '')),
  );
  if (route === undefined) return { ok: false, reason: 'not-allowed' };

  const query = rebuildQuery(rawQuery, route.query);
  if (!query.ok) return { ok: false, reason: 'bad-query', parameter: query.parameter };
  return { ok: true, path: segments.join('/'), query: query.query, body: route.body };
}
