// GET /api/activity (entries of the audit log, newest first, filtered), GET /api/activity/:id (one
// entry's per-user outcomes) and GET /api/activity/export.csv (every matching per-user row).
import { Hono, type Context } from 'hono';
import { rangeProblem, textFilterProblem, type TextFilterName } from '../src/lib/activity-filter-rules.ts';
import { activityCsv } from './activity-csv.ts';
import type { ActivityFilter, AuditStore } from './audit-store.ts';
import { chatErrorResponse } from './chat-error.ts';
import type { ServerEnv } from './server-env.ts';

const DEFAULT_ACTIVITY_PAGE = 30;
const MAX_ACTIVITY_PAGE = 100;

const POSITIVE = /^[1-9]\d{0,15}$/;

class BadParameter extends Error {}

function badRequest(message: string): Response {
  return chatErrorResponse(400, 'illegal_argument', 'IllegalArgumentException', message);
}

function checked(value: string | undefined, rule: RegExp, what: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!rule.test(value)) throw new BadParameter(`${what} is malformed.`);
  return value;
}

function textFilter(query: (name: string) => string | undefined, name: TextFilterName): string | undefined {
  const value = query(name);
  if (value === undefined || value === '') return undefined;
  const problem = textFilterProblem(name, value);
  if (problem !== null) throw new BadParameter(problem);
  return value;
}

function instant(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time))
    throw new BadParameter(`"${name}" must be a date and time such as 2026-11-30T08:00Z.`);
  return time;
}

function filterFrom(query: (name: string) => string | undefined): ActivityFilter {
  const filter: ActivityFilter = {};
  const threadId = textFilter(query, 'thread');
  const username = textFilter(query, 'username');
  const actor = textFilter(query, 'actor');
  const from = instant(query('from'), 'from');
  const to = instant(query('to'), 'to');
  const range = rangeProblem(from, to);
  if (range !== null) throw new BadParameter(range);
  if (threadId !== undefined) filter.threadId = threadId;
  if (username !== undefined) filter.username = username;
  if (actor !== undefined) filter.actor = actor;
  if (from !== undefined) filter.from = from;
  if (to !== undefined) filter.to = to;
  return filter;
}

const NO_STORE = { 'cache-control': 'no-store' };

/** Runs `answer` with the request's filter, or answers 400 naming the malformed parameter. */
function withFilter(
  query: (name: string) => string | undefined,
  answer: (filter: ActivityFilter) => Response,
): Response {
  try {
    return answer(filterFrom(query));
  } catch (error) {
    if (error instanceof BadParameter)
      return badRequest(`${error.message} Correct the filter and try again.`);
    throw error;
  }
}

/** What the operations store knows of an entry's operation: its label, and the operation it undid. */
export type OperationFacts = (id: string) => { label: string; undoOf: string | null } | null;

export function activityRoutes(audit: AuditStore, operationFacts: OperationFacts): Hono<ServerEnv> {
  const routes = new Hono<ServerEnv>();
  const query = (c: Context<ServerEnv>) => (name: string) => c.req.query(name);

  routes.get('/export.csv', (c) => withFilter(query(c), (filter) => activityCsv(audit, filter)));

  routes.get('/', (c) =>
    withFilter(query(c), (filter) => {
      const limitText = checked(c.req.query('limit'), POSITIVE, 'The page size ("limit")');
      const beforeText = checked(c.req.query('before'), POSITIVE, 'The cursor ("before")');
      const limit = Math.min(Number(limitText ?? DEFAULT_ACTIVITY_PAGE), MAX_ACTIVITY_PAGE);
      const page = audit.list(filter, limit, beforeText === undefined ? undefined : Number(beforeText));
      const entries = page.entries.map((entry) => {
        const facts = entry.operationId === null ? null : operationFacts(entry.operationId);
        return { ...entry, operation: facts === null ? null : { label: facts.label, undoOf: facts.undoOf } };
      });
      return c.json({ ...page, entries }, 200, NO_STORE);
    }),
  );

  routes.get('/:entryId', (c) => {
    const id = c.req.param('entryId');
    if (!POSITIVE.test(id)) return badRequest('An activity entry id is a positive whole number.');
    const found = audit.users(Number(id));
    if (found === null) {
      return chatErrorResponse(
        404,
        'not_found',
        'ActivityEntryNotFound',
        `No activity entry ${id}: it may be older than the audit log keeps. Reload the activity page.`,
      );
    }
    return c.json(found, 200, NO_STORE);
  });

  return routes;
}
