// Records in the audit log the changes the server refuses itself (a viewer's change, cancel, retry or undo, a
// cross-origin change, a bad body, an operation of an unknown kind), with who tried and why, so the log shows
// attempts as well as the calls it sent.
import type { Context, MiddlewareHandler } from 'hono';
import { operationIdFrom, refusedCall, requestedUsernames, type RefusedAttempt } from './audit-record.ts';
import type { AuditAction, AuditStore } from './audit-store.ts';
import { isChatId } from './chat-routes.ts';
import type { Logger } from './logger.ts';
import { rawRequestTarget } from './raw-target.ts';
import { readBodyWithLimit, TOO_LARGE } from './request-body.ts';
import type { ServerEnv } from './server-env.ts';
import { isRecord } from '../src/lib/is-record.ts';

/** The answers that refuse a change outright; others (429, 5xx) say "not now", not "no". */
const REFUSALS = new Set([400, 403, 404, 405, 413, 415]);
/** Enough for any body the dashboard sends; past it the attempt is recorded without its users. */
const READ_LIMIT_BYTES = 16 * 1024 * 1024;
const MAX_REASON = 500;

type AttemptReader = (body: Uint8Array | null) => RefusedAttempt | null;

function parseJson(body: Uint8Array | null): unknown {
  if (body === null) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(body)) as unknown;
  } catch {
    return undefined;
  }
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** `POST` or `DELETE /api/chat/thread(s)/{id}/users`: the proxy's two member changes. */
function chatChange(method: string, target: string): AttemptReader | null {
  const path = target.slice('/api/chat/'.length).split('?')[0] ?? '';
  const [collection, threadId = '', users, ...rest] = path.split('/');
  const action: AuditAction | null = method === 'POST' ? 'add' : method === 'DELETE' ? 'remove' : null;
  if (action === null || (collection !== 'thread' && collection !== 'threads') || users !== 'users')
    return null;
  if (rest.length > 0) return null;
  return (body) => ({
    action,
    threadId: isChatId(threadId) ? threadId : '',
    usernames: body === null ? [] : requestedUsernames(body),
  });
}

/** `POST /api/operations`: a bulk add or remove, or a kind the server does not know; an export changes nothing. */
const operationStart: AttemptReader = (body) => {
  const parsed = parseJson(body);
  const request = isRecord(parsed) ? parsed : {};
  if (request.kind === 'export') return null;
  const { threadId, username } = request;
  return {
    action: request.kind === 'add' || request.kind === 'remove' ? request.kind : 'other',
    threadId: typeof threadId === 'string' && isChatId(threadId) ? threadId : '',
    usernames: typeof username === 'string' ? [username] : strings(request.usernames),
  };
};

const OPERATION_CHANGE = /^\/api\/operations\/([^/]+)\/(cancel|retry|undo)$/;

/** `POST /api/operations/{id}/cancel`, `retry` or `undo`: recorded with the operation and its thread. */
function operationChange(path: string, threadOf: OperationThread): AttemptReader | null {
  const [, id = '', action] = OPERATION_CHANGE.exec(path) ?? [];
  if (action !== 'cancel' && action !== 'retry' && action !== 'undo') return null;
  const operationId = operationIdFrom(id);
  const threadId = operationId === null ? null : threadOf(operationId);
  return () => ({ action, threadId: threadId ?? '', usernames: [], operationId });
}

function attemptReader(c: Context<ServerEnv>, threadOf: OperationThread): AttemptReader | null {
  const { method } = c.req;
  const target = rawRequestTarget(c.req.raw, c.env);
  if (target.startsWith('/api/chat/')) return chatChange(method, target);
  if (method !== 'POST') return null;
  const path = (target.split('?')[0] ?? '').replace(/\/$/, '');
  return path === '/api/operations' ? operationStart : operationChange(path, threadOf);
}

/** The refusal's error code and message, as the server answered it. */
async function reasonOf(response: Response): Promise<string> {
  let answer: unknown;
  try {
    answer = await response.clone().json();
  } catch {
    answer = undefined;
  }
  const code = isRecord(answer) && typeof answer.error === 'string' ? answer.error : 'refused';
  const description =
    isRecord(answer) && typeof answer.error_description === 'string' ? `: ${answer.error_description}` : '';
  return `${code} (${String(response.status)})${description}`.slice(0, MAX_REASON);
}

/** The thread of a known operation, null for an operation of several threads or one the server does not know. */
export type OperationThread = (operationId: string) => string | null;

/**
 * Runs before sign-in, and reads who tried once the request is answered. An attempt with nobody signed in has
 * no one to record: it goes to the server log as a warning with the address it came from, not to the audit log,
 * which anyone able to reach the server could otherwise fill.
 */
export function auditRefusals(
  audit: AuditStore,
  logger: Logger,
  {
    threadOf,
    clientAddress,
  }: { threadOf: OperationThread; clientAddress: (c: Context<ServerEnv>) => string },
): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const reader = attemptReader(c, threadOf);
    if (reader === null) return next();
    // The handler reads the body; the copy is read only if the change is refused.
    const copy = c.req.raw.clone();
    try {
      await next();
      // Both unset until a later handler sets them.
      const identity = c.get('identity') as ServerEnv['Variables']['identity'] | undefined;
      const sent = c.get('changeSent') as boolean | undefined;
      if (!REFUSALS.has(c.res.status) && c.res.status !== 401) return;
      if (sent === true) return;
      if (identity === undefined) {
        logger.log('warn', 'change refused: nobody signed in', {
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          clientAddress: clientAddress(c),
          requestId: c.get('requestId'),
        });
        return;
      }
      if (!REFUSALS.has(c.res.status)) return;
      const body = await readBodyWithLimit(copy, READ_LIMIT_BYTES);
      const attempt = reader(body === TOO_LARGE ? null : body);
      if (attempt === null) return;
      const context = {
        time: Date.now(),
        actor: identity.name,
        role: identity.role,
        requestId: c.get('requestId'),
        operationId: null,
      };
      try {
        audit.append(refusedCall(attempt, context, await reasonOf(c.res)));
      } catch (error) {
        // The attempt was refused all the same; only its record is missing, which the log must say.
        logger.log('error', 'audit log write failed for a refused change', {
          errorName: error instanceof Error ? error.name : 'unknown',
          requestId: c.get('requestId'),
        });
      }
    } finally {
      // Not awaited: a copy's cancel settles only once the original is read or cancelled too, and a request
      // refused before its handler (nobody signed in) leaves the original unread.
      if (!copy.bodyUsed) void copy.body?.cancel().catch(() => undefined);
    }
  };
}
