// Endpoints 4–7 and 10: create, rename, delete, list and describe threads.
import { Hono } from 'hono';
import { normalizeUsername } from '../src/lib/username.ts';
import { chatErrors } from './chat-error.ts';
import { decodeCursor } from './cursor.ts';
import { endpointGuard } from './endpoint-guard.ts';
import { successResponse } from './envelope.ts';
import type { EmulatorEnv } from './hono-env.ts';
import { pageProperties, toPage } from './paging.ts';
import { parseLimit, parseSort } from './query-params.ts';
import { readJsonBody, readJsonObject, requireString } from './request-body.ts';

export const MAX_THREAD_NAME_LENGTH = 64;

/** Name rules of create and rename; length in UTF-16 code units, as the (Java) service counts them. */
function validThreadName(body: Record<string, unknown>): string {
  const name = requireString(body, 'name');
  if (name.length > MAX_THREAD_NAME_LENGTH) throw chatErrors.threadNameLimit();
  return name;
}

export function threadRoutes(): Hono<EmulatorEnv> {
  const routes = new Hono<EmulatorEnv>();

  // 4. The owner must belong to the group and becomes the thread's first member.
  routes.post('/thread', endpointGuard(4), (c) => {
    const rt = c.var.emulator;
    const body = readJsonObject(c);
    const groupId = requireString(body, 'group_id');
    const msgId = requireString(body, 'msg_id');
    const owner = normalizeUsername(requireString(body, 'owner'));
    const name = validThreadName(body);
    const threadId = rt.store.transaction(() => {
      if (!rt.store.groupExists(groupId)) throw chatErrors.resourceNotFound();
      if (!rt.store.isGroupMember(groupId, owner)) throw chatErrors.notGroupMembers([owner]);
      if (rt.store.countUserThreads(owner) >= rt.config.maxThreadsPerUser) throw chatErrors.userThreadLimit();
      const id = rt.store.nextThreadId();
      rt.store.insertThread({ threadId: id, groupId, name, owner, msgId, created: rt.now() });
      rt.store.addThreadMembers(id, [owner]);
      return id;
    });
    return successResponse(c, { data: { thread_id: threadId } });
  });

  // 5.
  routes.put('/thread/:threadId', endpointGuard(5), (c) => {
    const rt = c.var.emulator;
    const threadId = c.req.param('threadId');
    const name = validThreadName(readJsonObject(c));
    rt.store.transaction(() => {
      if (!rt.store.threadExists(threadId)) throw chatErrors.threadNotFound();
      rt.store.renameThread(threadId, name);
    });
    return successResponse(c, { data: { name } });
  });

  // 6. Deleting a thread also ends every membership in it.
  routes.delete('/thread/:threadId', endpointGuard(6), (c) => {
    const rt = c.var.emulator;
    const threadId = c.req.param('threadId');
    readJsonBody(c); // no body is needed, but one without a JSON content type is still refused (415)
    rt.store.transaction(() => {
      if (!rt.store.threadExists(threadId)) throw chatErrors.threadNotFound();
      rt.store.deleteThread(threadId);
    });
    return successResponse(c, { data: { status: 'ok' } });
  });

  // 7. The app's threads by creation, ids only.
  routes.get('/thread', endpointGuard(7), (c) => {
    const rt = c.var.emulator;
    const limit = parseLimit(c.req.query('limit'));
    const sort = parseSort(c.req.query('sort'));
    const scope = { org: rt.config.org, app: rt.config.app, list: `threads:${sort}` };
    const after = decodeCursor(scope, c.req.query('cursor'));
    const rows = rt.store.pageThreads(sort, after, limit + 1);
    const page = toPage(rows, limit, (t) => t.seq, scope, rt.config.cursorOnLastPage);
    return successResponse(c, {
      entities: page.items.map((t) => ({ id: t.threadId })),
      properties: pageProperties(page.cursor),
    });
  });

  // 10. Used by the web SDK (getChatThreadDetail), not in the REST docs.
  routes.get('/thread/:threadId', endpointGuard(10), (c) => {
    const rt = c.var.emulator;
    const thread = rt.store.getThread(c.req.param('threadId'));
    if (!thread) throw chatErrors.threadNotFound();
    return successResponse(c, {
      data: {
        id: thread.threadId,
        name: thread.name,
        owner: thread.owner,
        created: thread.created,
        affiliations_count: thread.memberCount,
        msgId: thread.msgId,
        groupId: thread.groupId,
      },
    });
  });

  return routes;
}
