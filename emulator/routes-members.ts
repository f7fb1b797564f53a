// Endpoints 1–3: list, add and remove the members of one thread.
import { Hono } from 'hono';
import { chatErrors } from './chat-error.ts';
import { decodeCursor } from './cursor.ts';
import { endpointGuard } from './endpoint-guard.ts';
import { successResponse } from './envelope.ts';
import type { EmulatorEnv } from './hono-env.ts';
import { offsetPage, pageProperties, toPage } from './paging.ts';
import type { Page } from './paging.ts';
import type { CursorScope } from './cursor.ts';
import type { EmulatorRuntime } from './runtime.ts';
import { parseLimit } from './query-params.ts';
import { readUsernames } from './request-body.ts';
import type { Context, MiddlewareHandler } from 'hono';

function memberPage(
  rt: EmulatorRuntime,
  threadId: string,
  after: number,
  limit: number,
  scope: CursorScope,
): Page<string> {
  const { cursorOnLastPage, variants } = rt.config;
  if (variants.cursor === 'offset') {
    return offsetPage(
      rt.store.pageThreadMembersAt(threadId, after, limit + 1),
      after,
      limit,
      scope,
      cursorOnLastPage,
    );
  }
  const rows = rt.store.pageThreadMembers(threadId, after, limit + 1);
  const page = toPage(rows, limit, (row) => row.seq, scope, cursorOnLastPage);
  return { items: page.items.map((row) => row.username), cursor: page.cursor };
}

export function memberRoutes(): Hono<EmulatorEnv> {
  const routes = new Hono<EmulatorEnv>();

  // 1. Members in join order. Under `cursor: stable` the cursor is the join sequence of the page's last
  // member, so it stays valid when members before or after it leave or join; under `offset` it is the
  // number of members listed so far, as the documented sample suggests, so a removal before it makes the
  // next page skip a member and an addition before it repeats one.
  routes.get('/thread/:threadId/users', endpointGuard(1), (c) => {
    const rt = c.var.emulator;
    const threadId = c.req.param('threadId');
    const limit = parseLimit(c.req.query('limit'));
    const scope = { org: rt.config.org, app: rt.config.app, list: `members:${threadId}` };
    const after = decodeCursor(scope, c.req.query('cursor'));
    if (!rt.store.threadExists(threadId)) throw chatErrors.threadNotFound();
    const page = memberPage(rt, threadId, after ?? 0, limit, scope);
    return successResponse(c, {
      data: { affiliations: page.items },
      properties: pageProperties(page.cursor),
    });
  });

  // 2. Atomic: either every listed user (that the variants do not skip) ends up a member or nothing changes.
  routes.post('/thread/:threadId/users', endpointGuard(2), (c) => {
    const rt = c.var.emulator;
    const threadId = c.req.param('threadId');
    const usernames = readUsernames(c);
    const { addOutsider, addMember } = rt.config.variants;
    rt.store.transaction(() => {
      const thread = rt.store.getThread(threadId);
      if (!thread) throw chatErrors.threadNotFound();
      const unique = [...new Set(usernames)];
      // Unknown users are not group members either, so they are named in the same refusal.
      const outsiders = unique.filter((name) => !rt.store.isGroupMember(thread.groupId, name));
      if (outsiders.length > 0 && addOutsider === 'forbidden-op') throw chatErrors.notGroupMembers(outsiders);
      if (outsiders.length > 0 && addOutsider === 'not-in-group') throw chatErrors.notInGroup(outsiders);
      const insiders = unique.filter((name) => !outsiders.includes(name));
      const members = insiders.filter((name) => rt.store.isThreadMember(threadId, name));
      if (members.length > 0 && addMember === 'error') throw chatErrors.alreadyMembers(members);
      const joining = insiders.filter((name) => !members.includes(name));
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
  // A host that knows only the plural spelling serves this path for other methods: 405, before auth.
  const singularServed: MiddlewareHandler<EmulatorEnv> = async (c, next) => {
    if (c.var.emulator.config.variants.deletePath === 'plural') throw chatErrors.methodNotAllowed();
    await next();
  };
  routes.delete('/thread/:threadId/users', singularServed, endpointGuard(3), removeMembers);
  // The seed document's (older) plural spelling of the same endpoint; a host that knows only the singular
  // answers it like any unknown route, before auth.
  const pluralServed: MiddlewareHandler<EmulatorEnv> = async (c, next) => {
    if (c.var.emulator.config.variants.deletePath === 'singular') throw chatErrors.resourceNotFound();
    await next();
  };
  routes.delete('/threads/:threadId/users', pluralServed, endpointGuard(3), removeMembers);

  return routes;
}
