// Reads the body of "start an operation" with the dashboard's own username rules: anything the dashboard
// would not send is refused with its reason before a single call goes out.
import { normalizeUsername, usernameProblem, type UsernameProblem } from '../../src/lib/username.ts';
import { isChatId } from '../chat-routes.ts';
import type { InvalidEntry } from './operation-store.ts';
import type { OperationRequest } from './operation-runner.ts';
import { isRecord } from '../../src/lib/is-record.ts';

/** A spreadsheet of 100,000 users at most; a request of more is not a dashboard's. */
export const MAX_ITEMS = 100_000;
const MAX_ENTRY_LENGTH = 200;
const MAX_THREAD_NAME = 256;
const PROBLEMS: readonly UsernameProblem[] = ['empty', 'too-long', 'bad-character'];

export type ParsedRequest =
  { ok: true; request: OperationRequest } | { ok: false; message: string; invalid?: InvalidEntry[] };

const refuse = (message: string, invalid?: InvalidEntry[]): ParsedRequest => ({
  ok: false,
  message,
  ...(invalid ? { invalid } : {}),
});

function parseInvalid(value: unknown): InvalidEntry[] | null {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > MAX_ITEMS) return null;
  const entries: InvalidEntry[] = [];
  for (const item of value as unknown[]) {
    if (!isRecord(item) || typeof item.entry !== 'string' || item.entry.length > MAX_ENTRY_LENGTH)
      return null;
    const problem = PROBLEMS.find((known) => known === item.problem);
    if (problem === undefined) return null;
    entries.push({ entry: item.entry, problem });
  }
  return entries;
}

export function parseOperationRequest(body: unknown): ParsedRequest {
  if (!isRecord(body)) return refuse('Send the operation as a JSON object.');
  const { kind } = body;
  if (kind === 'export') {
    const { threadId, format = 'csv' } = body;
    if (typeof threadId !== 'string' || !isChatId(threadId)) return refuse('"threadId" is not a thread ID.');
    if (format !== 'csv' && format !== 'txt') return refuse('"format" must be "csv" or "txt".');
    return { ok: true, request: { kind, scope: 'thread', threadId, format } };
  }
  if (kind !== 'add' && kind !== 'remove') return refuse('"kind" must be "add", "remove" or "export".');

  if (body.threadId !== undefined) {
    const { threadId, usernames } = body;
    if (typeof threadId !== 'string' || !isChatId(threadId)) return refuse('"threadId" is not a thread ID.');
    if (!Array.isArray(usernames) || usernames.length === 0 || usernames.length > MAX_ITEMS) {
      return refuse(`"usernames" must list between 1 and ${MAX_ITEMS.toLocaleString('en')} usernames.`);
    }
    const invalid = parseInvalid(body.invalid);
    if (invalid === null) return refuse('"invalid" must list entries with their problem.');
    const refused: InvalidEntry[] = [];
    const seen = new Set<string>();
    for (const name of usernames as unknown[]) {
      const entry = typeof name === 'string' ? name : JSON.stringify(name);
      const problem = typeof name === 'string' ? usernameProblem(name) : 'bad-character';
      if (problem !== null) refused.push({ entry: entry.slice(0, MAX_ENTRY_LENGTH), problem });
      else seen.add(normalizeUsername(entry));
    }
    if (refused.length > 0) {
      return refuse(
        `Nothing was sent: ${refused.length.toLocaleString('en')} of the usernames are not valid. Correct or remove them and start again.`,
        refused,
      );
    }
    return { ok: true, request: { kind, scope: 'thread', threadId, usernames: [...seen], invalid } };
  }

  if (kind === 'add') {
    // Only an undo adds one user to several threads: it knows they left those threads through this dashboard.
    return refuse(
      'A user is added to threads only by undoing their removal; open that removal and choose Undo.',
    );
  }
  const { username, threads } = body;
  if (typeof username !== 'string' || usernameProblem(username) !== null) {
    return refuse('Name a thread ("threadId") or a valid user ("username").');
  }
  if (!Array.isArray(threads) || threads.length === 0 || threads.length > MAX_ITEMS) {
    return refuse('"threads" must list the threads, each with its "id" and "name".');
  }
  const parsed: { id: string; name: string }[] = [];
  const seen = new Set<string>();
  for (const thread of threads as unknown[]) {
    if (!isRecord(thread) || typeof thread.id !== 'string' || !isChatId(thread.id)) {
      return refuse('Each of "threads" needs an "id" that is a thread ID.');
    }
    if (seen.has(thread.id)) continue;
    seen.add(thread.id);
    const name = typeof thread.name === 'string' ? thread.name.slice(0, MAX_THREAD_NAME) : '';
    parsed.push({ id: thread.id, name });
  }
  return {
    ok: true,
    request: { kind, scope: 'user-threads', username: normalizeUsername(username), threads: parsed },
  };
}
