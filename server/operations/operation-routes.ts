// /api/operations: start, list, follow (Server-Sent Events), cancel, retry and undo bulk operations, and an
// export's file. Everyone signed in sees every operation and may export; only moderators start or change the
// others, and an export is cancelled by whoever started it or by a moderator.
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { MiddlewareHandler } from 'hono';
import { moderatorRequired, requireModerator } from '../authenticate.ts';
import { chatErrorResponse } from '../chat-error.ts';
import { readBodyWithLimit, TOO_LARGE } from '../request-body.ts';
import type { ServerEnv } from '../server-env.ts';
import { exportFileResponse } from './export-file.ts';
import type { OperationEvents } from './operation-events.ts';
import { parseOperationRequest } from './operation-request.ts';
import { OperationRefused, unknownOperation, type OperationRunner } from './operation-runner.ts';
import type { OperationRecord } from './operation-store.ts';

/** 100,000 usernames of 64 characters, quoted, with the invalid entries beside them. */
const BODY_LIMIT_BYTES = 16 * 1024 * 1024;
const RECENT = 50;
const HEARTBEAT_MS = 15_000;
const NO_STORE = { 'cache-control': 'no-store' };

function refused(error: unknown): Response {
  if (!(error instanceof OperationRefused)) throw error;
  return chatErrorResponse(
    error.status,
    error.status === 404 ? 'operation_not_found' : 'operation_conflict',
    'OperationRefused',
    error.message,
  );
}

export function operationRoutes(runner: OperationRunner, events: OperationEvents): Hono<ServerEnv> {
  const routes = new Hono<ServerEnv>();

  routes.get('/', (c) =>
    c.json({ operations: runner.recent(RECENT).map((record) => runner.summary(record)) }, 200, NO_STORE),
  );

  routes.post('/', async (c) => {
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
      return chatErrorResponse(415, 'web_application', 'UnsupportedMediaType', 'Send the operation as JSON.');
    }
    const bytes = await readBodyWithLimit(c.req.raw, BODY_LIMIT_BYTES);
    if (bytes === TOO_LARGE) {
      return chatErrorResponse(
        413,
        'request_entity_too_large',
        'RequestEntityTooLarge',
        'Send at most 100,000 users at once.',
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return chatErrorResponse(400, 'json_parse', 'JsonParseException', 'The operation is not valid JSON.');
    }
    const parsed = parseOperationRequest(body);
    if (!parsed.ok) {
      return c.json(
        {
          error: 'illegal_argument',
          exception: 'IllegalArgumentException',
          timestamp: Date.now(),
          duration: 0,
          error_description: parsed.message,
          ...(parsed.invalid ? { invalid: parsed.invalid } : {}),
        },
        400,
      );
    }
    const identity = c.get('identity');
    if (parsed.request.kind !== 'export' && identity.role !== 'moderator')
      return moderatorRequired(identity.role);
    const record = runner.start(parsed.request, identity);
    return c.json({ operation: runner.summary(record) }, 202, NO_STORE);
  });

  routes.get('/events', (c) => follow(c, events));

  routes.get('/:id', (c) => {
    const id = c.req.param('id');
    const record = runner.get(id);
    if (record === null) return refused(unknownOperation(id));
    return c.json(
      { operation: runner.summary(record), items: runner.items(record.id), invalid: record.invalid },
      200,
      NO_STORE,
    );
  });

  routes.get('/:id/file', async (c) => {
    const id = c.req.param('id');
    const record = runner.get(id);
    if (record === null) return refused(unknownOperation(id));
    return exportFileResponse(record, c.req.query('format'), () => runner.exportedMembers(record.id));
  });

  const act = (change: (id: string, c: Context<ServerEnv>) => OperationRecord) => (c: Context<ServerEnv>) => {
    try {
      return c.json({ operation: runner.summary(change(c.req.param('id') ?? '', c)) }, 200, NO_STORE);
    } catch (error) {
      return refused(error);
    }
  };
  /** Whoever started an export may cancel and resume it; anything else takes a moderator. */
  const exportOwnerOrModerator: MiddlewareHandler<ServerEnv> = async (c, next) => {
    const { name, role } = c.get('identity');
    const record = runner.get(c.req.param('id') ?? '');
    if (role === 'moderator' || (record?.kind === 'export' && record.actor === name)) return next();
    return moderatorRequired(role);
  };
  routes.post(
    '/:id/cancel',
    exportOwnerOrModerator,
    act((id) => runner.cancel(id)),
  );
  routes.post(
    '/:id/retry',
    exportOwnerOrModerator,
    act((id) => runner.retry(id)),
  );
  routes.post(
    '/:id/undo',
    requireModerator,
    act((id, c) => runner.undo(id, c.get('identity'))),
  );

  return routes;
}

/** Live events from where the browser's Last-Event-ID left off; a comment now and then keeps proxies open. */
function follow(c: Context<ServerEnv>, events: OperationEvents): Response {
  const lastId = c.req.header('last-event-id') ?? c.req.query('after');
  return streamSSE(c, async (stream) => {
    const queue = events.since(lastId);
    let wake: (() => void) | null = null;
    /** True when events came, false when the heartbeat is due. */
    const nextEvents = () =>
      new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          wake = null;
          resolve(false);
        }, HEARTBEAT_MS);
        wake = () => {
          clearTimeout(timer);
          wake = null;
          resolve(true);
        };
      });
    const unsubscribe = events.subscribe((event) => {
      queue.push(event);
      wake?.();
    });
    stream.onAbort(() => wake?.());
    try {
      await stream.write(': connected\n\n');
      while (!stream.aborted) {
        for (const event of queue.splice(0)) {
          await stream.writeSSE({ id: event.id, event: event.type, data: JSON.stringify(event.data) });
        }
        if (queue.length > 0) continue;
        if (!(await nextEvents())) await stream.write(': still here\n\n');
      }
    } finally {
      unsubscribe();
    }
  });
}
