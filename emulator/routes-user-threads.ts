// Endpoints 8 and 9: the threads one user joined, in the whole app or in one group.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { normalizeUsername } from '../src/lib/username.ts';
import { chatErrors } from './chat-error.ts';
import { decodeCursor } from './cursor.ts';
import { endpointGuard } from './endpoint-guard.ts';
import { successResponse } from './envelope.ts';
import type { EmulatorEnv } from './hono-env.ts';
import { pageProperties, toPage } from './paging.ts';
import { parseLimit, parseSort } from './query-params.ts';

function userThreadsPage(c: Context<EmulatorEnv>, rawUsername: string, groupId: string | null): Response {
  const rt = c.var.emulator;
  const username = normalizeUsername(rawUsername);
  const limit = parseLimit(c.req.query('limit'));
  const sort = parseSort(c.req.query('sort'));
  const list = `user-threads:${username}:${groupId ?? '*'}:${sort}`;
  const scope = { org: rt.config.org, app: rt.config.app, list };
  const after = decodeCursor(scope, c.req.query('cursor'));
  if (groupId !== null && !rt.store.groupExists(groupId)) throw chatErrors.resourceNotFound();
  if (!rt.store.userExists(username)) throw chatErrors.resourceNotFound();
  const rows = rt.store.pageUserThreads(username, groupId, sort, after, limit + 1);
  const page = toPage(rows, limit, (t) => t.seq, scope, rt.config.cursorOnLastPage);
  return successResponse(c, {
    entities: page.items.map((t) => ({
      name: t.name,
      owner: t.owner,
      id: t.threadId,
      msgId: t.msgId,
      groupId: t.groupId,
      created: t.created,
    })),
    properties: pageProperties(page.cursor),
  });
}

export function userThreadRoutes(): Hono<EmulatorEnv> {
  const routes = new Hono<EmulatorEnv>();
  routes.get('/threads/user/:username', endpointGuard(8), (c) =>
    userThreadsPage(c, c.req.param('username'), null),
  );
  routes.get('/threads/chatgroups/:groupId/user/:username', endpointGuard(9), (c) =>
    userThreadsPage(c, c.req.param('username'), c.req.param('groupId')),
  );
  return routes;
}
