// Records in the audit log the member changes the server refuses itself (a viewer's change, a cross-origin
// change, a bad body), with who tried and why, so the log shows attempts as well as the calls it sent.
import type { Context, MiddlewareHandler } from 'hono';
import { refusedCall, requestedUsernames, type RefusedAttempt } from './audit-record.ts';
import type { AuditAction, AuditStore } from './audit-store.ts';
import { isChatId } from './chat-routes.ts';
import type { Logger } from './logger.ts';
import { rawRequestTarget } from './raw-target.ts';
import { readBodyWithLimit, TOO_LARGE } from './request-body.ts';
import type { ServerEnv } from './server-env.ts';

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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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

/** `POST /api/operations`: a bulk add or remove; a body that names neither is no member change to record. */
const operationStart: AttemptReader = (body) => {
  const parsed = parseJson(body);
  if (!isRecord(parsed) || (parsed.kind !== 'add' && parsed.kind !== 'remove')) return null;
  const { threadId, username } = parsed;
  return {
    action: parsed.kind,
    threadId: typeof threadId === 'string' && isChatId(threadId) ? threadId : '',
    usernames: typeof username === 'string' ? [username] : strings(parsed.usernames),
  };
};

function attemptReader(c: Context<ServerEnv>): AttemptReader | null {
  const { method } = c.req;
  const target = rawRequestTarget(c.req.raw, c.env);
  if (target.startsWith('/api/chat/')) return chatChange(method, target);
  const path = target.split('?')[0];
  if (method === 'POST' && (path === '/api/operations' || path === '/api/operations/')) return operationStart;
  return null;
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

export function auditRefusals(audit: AuditStore, logger: Logger): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const reader = attemptReader(c);
    if (reader === null) return next();
    // The handler reads the body; the copy is read only if the change is refused.
    const copy = c.req.raw.clone();
    try {
      await next();
      // Both unset until a later handler sets them.
      const identity = c.get('identity') as ServerEnv['Variables']['identity'] | undefined;
      const sent = c.get('changeSent') as boolean | undefined;
      if (!REFUSALS.has(c.res.status) || sent === true || identity === undefined) return;
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
      if (!copy.bodyUsed) await copy.body?.cancel();
    }
  };
}
