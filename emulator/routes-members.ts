// Endpoints 1–3: list, add and remove the members of one thread.
import { Hono } from 'hono';
import { chatErrors } from './chat-error.ts';
import { decodeCursor } from './cursor.ts';
import { endpointGuard } from './endpoint-guard.ts';
import { successResponse } from './envelope.ts';
import type { EmulatorEnv } from './hono-env.ts';
import { pageProperties, toPage } from './paging.ts';
import { parseLimit } from './query-params.ts';
import { readUsernames } from './request-body.ts';
import type { Context } from 'hono';

export function memberRoutes(): Hono<EmulatorEnv> {
  const routes = new Hono<EmulatorEnv>();

  // 1. Members in join order; the cursor is the join sequence of the page's last member, so it stays valid
  // when members before or after it leave or join.
  routes.get('/thread/:threadId/users', endpointGuard(1), (c) => {
    const rt = c.var.emulator;
    const threadId = c.req.param('threadId');
    const limit = parseLimit(c.req.query('limit'));
    const scope = { org: rt.config.org, app: rt.config.app, list: `members:${threadId}` };
    const after = decodeCursor(scope, c.req.query('cursor'));
    if (!rt.store.threadExists(threadId)) throw chatErrors.threadNotFound();
    const rows = rt.store.pageThreadMembers(threadId, after ?? 0, limit + 1);
    const page = toPage(rows, limit, (row) => row.seq, scope, rt.config.cursorOnLastPage);
    return successResponse(c, {
      data: { affiliations: page.items.map((row) => row.username) },
      properties: pageProperties(page.cursor),
    });
  });

  // 2. Atomic: either every listed user ends up a member or nothing changes.
  routes.post('/thread/:threadId/users', endpointGuard(2), (c) => {
    const rt = c.var.emulator;
    const threadId = c.req.param('threadId');
    const usernames = readUsernames(c);
    rt.store.transaction(() => {
      const thread = rt.store.getThread(threadId);
      if (!thread) throw chatErrors.threadNotFound();
      const unique = [...new Set(usernames)];
      // Unknown users are not group members either, so they are named in the same refusal.
      const outsiders = unique.filter((name) => !rt.store.isGroupMember(thread.groupId, name));
      if (outsiders.length > 0) throw chatErrors.notGroupMembers(outsiders);
      const joining = unique.filter((name) => !rt.store.isThreadMember(threadId, name));
      if (joining.some((name) => rt.store.countUserThreads(name) >= rt.config.maxThreadsPerUser)) {
        throw chatErrors.userThreadLimit();
      }
      rt.store.addThreadMembers(threadId, joining);
    });
    return successResponse(c, { data: { status: 'ok' } });
  });

  // 3. One result per requested user, in request order; a repeated name is `false` the second time.
  const removeMembers = (c: Context<EmulatorEnv>) => {
    const rt = c.var.emulator;
    const threadId = c.req.param('threadId') ?? '';
    const usernames = readUsernames(c);
    const entities = rt.store.transaction(() => {
      if (!rt.store.threadExists(threadId)) throw chatErrors.threadNotFound();
      return usernames.map((user) => ({ result: rt.store.removeThreadMember(threadId, user), user }));
    });
    return successResponse(c, { entities });
  };
  routes.delete('/thread/:threadId/users', endpointGuard(3), removeMembers);
  // The seed document's (older) plural spelling of the same endpoint.
  routes.delete('/threads/:threadId/users', endpointGuard(3), removeMembers);

  return routes;
}
