// The audit log: every add or remove call the server forwarded, with its per-user outcome, in SQLite.
// Append-only: the store offers no update, rows cannot be updated (a trigger refuses), and only the
// retention prune deletes, and only the oldest calls. Tamper-evident: each call carries a hash chained to the
// one before (audit-chain.ts), which `npm run audit -- verify` checks.
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import {
  callHash,
  GENESIS_HASH,
  readChainEnds,
  storedCalls,
  verifyChain,
  type ChainReport,
} from './audit-chain.ts';

/**
 * What a call did: `add` or `remove`. A refused attempt may also have tried to `cancel`, `retry` or `undo` an
 * operation, or to start one of a kind the server does not know (`other`); only refusals carry those.
 */
export const AUDIT_ACTIONS = ['add', 'remove', 'cancel', 'retry', 'undo', 'other'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * What became of one user in one call. `unknown`: the API answered 5xx or not at all, so the change may
 * or may not have been applied; `not-applied`: rate limited, certainly not applied.
 */
export type UserOutcome = 'added' | 'removed' | 'not-a-member' | 'refused' | 'not-applied' | 'unknown';

export interface AuditCall {
  /** Milliseconds since the epoch. */
  time: number;
  actor: string;
  role: string;
  threadId: string;
  action: AuditAction;
  /** The Chat API's HTTP status, or null when no answer came (timeout, dropped connection). */
  upstreamStatus: number | null;
  requestId: string;
  /** Groups the calls of one bulk operation; null for a lone call. */
  operationId: string | null;
  /**
   * Set when the server refused the attempt itself (a viewer's change, a cross-origin change, a bad body):
   * nothing was sent to the API, and this says why. Unset for a call the server forwarded.
   */
  refusal?: string;
  outcomes: readonly { username: string; outcome: UserOutcome }[];
}

export interface ActivityFilter {
  threadId?: string;
  username?: string;
  actor?: string;
  /** Inclusive bounds in milliseconds since the epoch. */
  from?: number;
  to?: number;
}

/** One operation (or lone call) as the activity page lists it. */
export interface ActivityEntry {
  id: number;
  operationId: string | null;
  action: AuditAction;
  /** The thread changed; when the operation spanned several (`threads` > 1), one of them. */
  threadId: string;
  threads: number;
  actor: string;
  role: string;
  startedAt: number;
  endedAt: number;
  calls: number;
  /** Users by their last outcome in the entry. */
  outcomes: Partial<Record<UserOutcome, number>>;
  /** The user, when the entry changed only one (in one thread or across several); otherwise null. */
  username: string | null;
  /** Why the server refused the attempt without sending it; null for calls it forwarded. */
  refusal: string | null;
}

export interface ActivityPage {
  entries: ActivityEntry[];
  /** Pass back as `before` for the next (older) page; null at the end. */
  nextCursor: number | null;
}

export interface ActivityUser {
  threadId: string;
  username: string;
  outcome: UserOutcome;
  upstreamStatus: number | null;
  requestId: string;
  time: number;
}

/**
 * One user's outcome in one call, with the call's facts: a row of the CSV export. A call that named no user (an
 * empty or refused body) is one row with a null username and outcome, so that every audited call is exported.
 */
export interface AuditRow extends Omit<ActivityUser, 'username' | 'outcome'> {
  username: string | null;
  outcome: UserOutcome | null;
  callId: number;
  actor: string;
  role: string;
  action: AuditAction;
  operationId: string | null;
  refusal: string | null;
}

export interface AuditStore {
  append(call: AuditCall): void;
  /** Newest first; `before` is a cursor from the previous page. */
  list(filter: ActivityFilter, limit: number, before?: number): ActivityPage;
  /** The per-user outcomes of one entry, in the order they were recorded; null for an unknown id. */
  users(entryId: number): { entry: ActivityEntry; users: ActivityUser[] } | null;
  /**
   * Up to `limit` calls' rows, newest first, of the calls before the call id `before`. With a username
   * filter, only that user's rows. Paged rather than iterated, so an export never holds the database busy.
   */
  rows(filter: ActivityFilter, limit: number, before?: number): AuditRow[];
  /**
   * Deletes the oldest calls, up to the newest one older than the retention, so the chain stays whole from
   * the first kept call; returns the number of calls deleted.
   */
  prune(): number;
  /** Checks the hash chain as `npm run audit -- verify` does. */
  verify(): ChainReport;
  close(): void;
}

export interface AuditStoreOptions {
  retentionDays: number;
  now?: () => number;
}

const DAY_MS = 86_400_000;
/** Prune this often as well as at start, so a server that runs for months keeps to its retention. */
const PRUNE_EVERY_MS = 6 * 60 * 60 * 1000;

/** The calls' table, under `name`: the log's own, or the one a migration fills before it takes that name. */
const callsTable = (name: string) => `
CREATE TABLE IF NOT EXISTS ${name} (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- The first call of the same operation (same actor and action, in any thread); null for the first call itself.
  entry_id INTEGER,
  time INTEGER NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  thread_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN (${AUDIT_ACTIONS.map((action) => `'${action}'`).join(', ')})),
  upstream_status INTEGER,
  request_id TEXT NOT NULL,
  operation_id TEXT,
  -- Why the server refused the attempt without forwarding it; null for a forwarded call.
  refusal TEXT,
  -- The hash chain (audit-chain.ts): the previous call's hash, and this call's over its content and that.
  prev_hash TEXT,
  hash TEXT
);
`;
const CALL_COLUMNS =
  'id, entry_id, time, actor, role, thread_id, action, upstream_status, request_id, operation_id, refusal, ' +
  'prev_hash, hash';

const SCHEMA = `${callsTable('audit_calls')}
CREATE TABLE IF NOT EXISTS audit_outcomes (
  call_id INTEGER NOT NULL REFERENCES audit_calls (id) ON DELETE CASCADE,
  -- The username's place in the call's body, so the record keeps the order they were sent in.
  position INTEGER NOT NULL,
  username TEXT NOT NULL,
  outcome TEXT NOT NULL,
  PRIMARY KEY (call_id, position)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS audit_calls_time ON audit_calls (time);
CREATE INDEX IF NOT EXISTS audit_calls_entry ON audit_calls (entry_id);
CREATE INDEX IF NOT EXISTS audit_calls_operation ON audit_calls (operation_id);
CREATE INDEX IF NOT EXISTS audit_outcomes_username ON audit_outcomes (username COLLATE NOCASE, call_id);
CREATE TABLE IF NOT EXISTS audit_chain (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  base_id INTEGER NOT NULL,
  base_hash TEXT NOT NULL,
  head_id INTEGER NOT NULL,
  head_hash TEXT NOT NULL,
  upgraded_through INTEGER NOT NULL
);
`;

const APPEND_ONLY = `
CREATE TRIGGER IF NOT EXISTS audit_calls_append_only BEFORE UPDATE ON audit_calls
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_outcomes_append_only BEFORE UPDATE ON audit_outcomes
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;

interface EntryRow {
  entry: number;
  last: number;
  operation_id: string | null;
  action: AuditAction;
  thread_id: string;
  threads: number;
  actor: string;
  role: string;
  started_at: number;
  ended_at: number;
  calls: number;
  refusal: string | null;
}

const ENTRY = 'COALESCE(c.entry_id, c.id)';
const ENTRY_COLUMNS = `${ENTRY} AS entry, MAX(c.id) AS last, c.operation_id, c.action,
  MIN(c.thread_id) AS thread_id, COUNT(DISTINCT c.thread_id) AS threads, c.actor, c.role,
  MIN(c.time) AS started_at, MAX(c.time) AS ended_at, COUNT(*) AS calls, MAX(c.refusal) AS refusal`;

/** The condition each filter adds; parameters are named after the filter's fields. */
const FILTER_CONDITIONS: Readonly<Record<keyof ActivityFilter, string>> = {
  threadId: 'c.thread_id = @threadId',
  actor: 'c.actor = @actor COLLATE NOCASE',
  // Chat treats usernames case-insensitively, so the search does too.
  username:
    'EXISTS (SELECT 1 FROM audit_outcomes u WHERE u.call_id = c.id AND u.username = @username COLLATE NOCASE)',
  from: 'c.time >= @from',
  to: 'c.time <= @to',
};

function whereClause(filter: ActivityFilter): { sql: string; params: Record<string, string | number> } {
  const params = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
  const conditions = Object.keys(params).map((name) => FILTER_CONDITIONS[name as keyof ActivityFilter]);
  return { sql: conditions.length === 0 ? '1' : conditions.join(' AND '), params };
}

const NO_USERS: Pick<ActivityEntry, 'outcomes' | 'username'> = { outcomes: {}, username: null };

function toEntry(
  row: EntryRow,
  { outcomes, username }: Pick<ActivityEntry, 'outcomes' | 'username'>,
): ActivityEntry {
  return {
    id: row.entry,
    operationId: row.operation_id,
    action: row.action,
    threadId: row.thread_id,
    threads: row.threads,
    actor: row.actor,
    role: row.role,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    calls: row.calls,
    outcomes,
    username,
    refusal: row.refusal,
  };
}

function openDatabase(file: string): SqliteDatabase {
  const db = new Database(file);
  if (file !== ':memory:') {
    db.pragma('journal_mode = WAL');
    // WAL with NORMAL survives a killed process as surely as the operations store does. FULL would add an
    // fsync to every audited call (about 2.4 ms on this machine's disk), holding up the server 100 times a
    // second under a full budget; only a crash of the machine itself can lose the last moments of both files.
    db.pragma('synchronous = NORMAL');
  }
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(audit_calls)').all();
  const beforeTheChain = columns.length > 0 && !columns.some((column) => column.name === 'hash');
  const beforeRefusals = columns.length > 0 && !columns.some((column) => column.name === 'refusal');
  // The migration runs with foreign keys off (they cannot be switched inside a transaction): dropping the
  // calls' old table would otherwise delete every user outcome with it.
  db.pragma('foreign_keys = OFF');
  db.transaction(() => {
    if (beforeRefusals) db.exec('ALTER TABLE audit_calls ADD COLUMN refusal TEXT');
    if (beforeTheChain) {
      for (const column of ['prev_hash', 'hash']) {
        if (!columns.some(({ name }) => name === column))
          db.exec(`ALTER TABLE audit_calls ADD COLUMN ${column} TEXT`);
      }
      // Chaining the calls found writes their hashes, which the append-only trigger would refuse.
      db.exec('DROP TRIGGER IF EXISTS audit_calls_append_only');
    }
    if (columns.length > 0 && !allowsEveryAction(db)) widenActions(db);
    db.exec(SCHEMA);
    if (readChainEnds(db) === null) {
      db.prepare(
        `INSERT INTO audit_chain (id, base_id, base_hash, head_id, head_hash, upgraded_through)
         VALUES (1, 0, ?, 0, ?, 0)`,
      ).run(GENESIS_HASH, GENESIS_HASH);
    }
    if (beforeTheChain) chainAsFound(db);
    db.exec(APPEND_ONLY);
  })();
  db.pragma('foreign_keys = ON');
  return db;
}

/** Whether the calls' table takes every action: a log from before refused cancels, retries and undos did not. */
function allowsEveryAction(db: SqliteDatabase): boolean {
  const table = db
    .prepare<[], { sql: string }>(
      "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'audit_calls'",
    )
    .get();
  return AUDIT_ACTIONS.every((action) => table?.sql.includes(`'${action}'`) === true);
}

/**
 * SQLite cannot change a column's check, so the calls move to a table that takes every action, each row as it
 * was: the same ids, content and hashes, so the chain verifies across the move. Its indexes and triggers are
 * made again by the schema that follows.
 */
function widenActions(db: SqliteDatabase): void {
  const sequence = db
    .prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_calls'")
    .get();
  db.exec(`${callsTable('audit_calls_widened')}
    INSERT INTO audit_calls_widened (${CALL_COLUMNS}) SELECT ${CALL_COLUMNS} FROM audit_calls;
    DROP TABLE audit_calls;
    ALTER TABLE audit_calls_widened RENAME TO audit_calls;`);
  // An id once used, even by a call since deleted, is never used again.
  if (sequence !== undefined) {
    db.prepare("UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'audit_calls'").run(sequence.seq);
  }
}

/**
 * A log written before the chain existed: its calls are chained as they are found at the upgrade, so the
 * chain vouches for them only from then on (the chain record keeps the last id chained this way).
 */
function chainAsFound(db: SqliteDatabase): void {
  const setHashes = db.prepare('UPDATE audit_calls SET prev_hash = ?, hash = ? WHERE id = ?');
  const hashes: [string, string, number][] = [];
  let previous = GENESIS_HASH;
  let last = 0;
  for (const { call } of storedCalls(db)) {
    const hash = callHash(call, previous);
    hashes.push([previous, hash, call.id]);
    previous = hash;
    last = call.id;
  }
  for (const row of hashes) setHashes.run(...row);
  db.prepare('UPDATE audit_chain SET head_id = ?, head_hash = ?, upgraded_through = ? WHERE id = 1').run(
    last,
    previous,
    last,
  );
}

export function openAuditStore(
  file: string,
  { retentionDays, now = Date.now }: AuditStoreOptions,
): AuditStore {
  const db = openDatabase(file);
  // One operation is one entry even when it spans threads (removing a user from every thread they joined).
  const firstOfOperation = db.prepare<[string, string, string], { id: number }>(
    `SELECT MIN(id) AS id FROM audit_calls
     WHERE operation_id = ? AND actor = ? AND action = ? AND entry_id IS NULL`,
  );
  const insertCall = db.prepare(
    `INSERT INTO audit_calls
       (id, entry_id, time, actor, role, thread_id, action, upstream_status, request_id, operation_id,
        refusal, prev_hash, hash)
     VALUES (@id, @entryId, @time, @actor, @role, @threadId, @action, @upstreamStatus, @requestId,
        @operationId, @refusal, @prevHash, @hash)`,
  );
  const insertOutcome = db.prepare(
    'INSERT INTO audit_outcomes (call_id, position, username, outcome) VALUES (?, ?, ?, ?)',
  );
  // The sequence, not MAX(id): an id once used, even by a call since deleted, is never used again.
  const lastId = db.prepare<[], { seq: number }>(
    "SELECT seq FROM sqlite_sequence WHERE name = 'audit_calls'",
  );
  const chainHead = db.prepare<[], { head_id: number; head_hash: string }>(
    'SELECT head_id, head_hash FROM audit_chain WHERE id = 1',
  );
  const moveHead = db.prepare('UPDATE audit_chain SET head_id = ?, head_hash = ? WHERE id = 1');
  const newestExpired = db.prepare<[number], { id: number; hash: string | null }>(
    'SELECT id, hash FROM audit_calls WHERE id = (SELECT MAX(id) FROM audit_calls WHERE time < ?)',
  );
  const deleteThrough = db.prepare('DELETE FROM audit_calls WHERE id <= ?');
  const moveBase = db.prepare('UPDATE audit_chain SET base_id = ?, base_hash = ? WHERE id = 1');

  const append = db.transaction((call: AuditCall) => {
    const first =
      call.operationId === null
        ? undefined
        : firstOfOperation.get(call.operationId, call.actor, call.action)?.id;
    const head = chainHead.get();
    if (head === undefined) throw new Error('the audit chain record is missing');
    // The id is chosen here rather than by the insert, because the hash covers it and rows cannot change.
    const id = Math.max(lastId.get()?.seq ?? 0, head.head_id) + 1;
    const outcomes = call.outcomes.map(({ username, outcome }, position) => ({
      position,
      username,
      outcome,
    }));
    const stored = {
      id,
      entryId: first ?? null,
      time: call.time,
      actor: call.actor,
      role: call.role,
      threadId: call.threadId,
      action: call.action,
      upstreamStatus: call.upstreamStatus,
      requestId: call.requestId,
      operationId: call.operationId,
      refusal: call.refusal ?? null,
    };
    const hash = callHash({ ...stored, outcomes }, head.head_hash);
    insertCall.run({ ...stored, prevHash: head.head_hash, hash });
    for (const { position, username, outcome } of outcomes)
      insertOutcome.run(id, position, username, outcome);
    moveHead.run(id, hash);
  });

  // The reads are built from the filters in use (a few dozen combinations at most): each is prepared once.
  const statements = new Map<string, Statement<[object]>>();
  const statement = <Row>(sql: string): Statement<[object], Row> => {
    let prepared = statements.get(sql);
    if (prepared === undefined) {
      prepared = db.prepare<[object]>(sql);
      statements.set(sql, prepared);
    }
    return prepared as Statement<[object], Row>;
  };

  const outcomeCounts = (entryIds: number[], where: string, params: object) => {
    const counts = new Map<number, Pick<ActivityEntry, 'outcomes' | 'username'>>(
      entryIds.map((id) => [id, { outcomes: {}, username: null }]),
    );
    if (entryIds.length === 0) return counts;
    const sole = statement<{ entry: number; users: number; username: string }>(
      `SELECT ${ENTRY} AS entry, COUNT(DISTINCT lower(o.username)) AS users, MIN(o.username) AS username
         FROM audit_calls c JOIN audit_outcomes o ON o.call_id = c.id
         WHERE ${where} AND ${ENTRY} IN (SELECT value FROM json_each(@entryIds))
         GROUP BY entry`,
    ).all({ ...params, entryIds: JSON.stringify(entryIds) });
    for (const row of sole) {
      const entry = counts.get(row.entry);
      if (entry !== undefined && row.users === 1) entry.username = row.username;
    }
    const rows = statement<{ entry: number; outcome: UserOutcome; n: number }>(
      // A user retried within an operation (a lost answer, then success) counts once per thread, by their
      // last outcome there.
      `SELECT entry, outcome, COUNT(*) AS n FROM (
           SELECT ${ENTRY} AS entry, o.outcome,
             ROW_NUMBER() OVER (
               PARTITION BY ${ENTRY}, c.thread_id, lower(o.username) ORDER BY c.id DESC, o.position DESC
             ) AS latest
           FROM audit_calls c JOIN audit_outcomes o ON o.call_id = c.id
           WHERE ${where} AND ${ENTRY} IN (SELECT value FROM json_each(@entryIds))
         )
         WHERE latest = 1
         GROUP BY entry, outcome`,
    ).all({ ...params, entryIds: JSON.stringify(entryIds) });
    for (const row of rows) {
      const entry = counts.get(row.entry);
      if (entry !== undefined) entry.outcomes[row.outcome] = row.n;
    }
    return counts;
  };

  // A prefix of the log, so the oldest kept call still builds on a hash the chain record names. A call older
  // than the retention but recorded after newer ones (the clock was set back) takes those with it.
  const prune = db.transaction((): number => {
    const last = newestExpired.get(now() - retentionDays * DAY_MS);
    if (last === undefined) return 0;
    const deleted = deleteThrough.run(last.id).changes;
    moveBase.run(last.id, last.hash ?? GENESIS_HASH);
    return deleted;
  });
  prune();
  const pruning = setInterval(prune, PRUNE_EVERY_MS);
  pruning.unref();

  return {
    append: (call) => append(call),
    list(filter, limit, before) {
      const { sql, params } = whereClause(filter);
      const rows = statement<EntryRow>(
        `SELECT ${ENTRY_COLUMNS} FROM audit_calls c WHERE ${sql}
         GROUP BY entry ${before === undefined ? '' : 'HAVING last < @before'}
         ORDER BY last DESC LIMIT @limit`,
      ).all({ ...params, limit: limit + 1, ...(before === undefined ? {} : { before }) });
      const page = rows.slice(0, limit);
      const counts = outcomeCounts(
        page.map((row) => row.entry),
        sql,
        params,
      );
      return {
        entries: page.map((row) => toEntry(row, counts.get(row.entry) ?? NO_USERS)),
        nextCursor: rows.length > limit ? (page.at(-1)?.last ?? null) : null,
      };
    },
    users(entryId) {
      const where = `${ENTRY} = @entryId`;
      const row = statement<EntryRow>(
        `SELECT ${ENTRY_COLUMNS} FROM audit_calls c WHERE ${where} GROUP BY entry`,
      ).get({ entryId });
      if (row === undefined) return null;
      const users = statement<ActivityUser>(
        `SELECT c.thread_id AS threadId, o.username, o.outcome, c.upstream_status AS upstreamStatus,
             c.request_id AS requestId, c.time
           FROM audit_calls c JOIN audit_outcomes o ON o.call_id = c.id
           WHERE ${where} ORDER BY c.id, o.position`,
      ).all({ entryId });
      const counts = outcomeCounts([row.entry], where, { entryId });
      return { entry: toEntry(row, counts.get(row.entry) ?? NO_USERS), users };
    },
    rows(filter, limit, before) {
      const { sql, params } = whereClause(filter);
      const onlyUser = filter.username === undefined ? '' : 'AND o.username = @username COLLATE NOCASE';
      return statement<AuditRow>(
        `SELECT c.id AS callId, c.time, c.actor, c.role, c.thread_id AS threadId, c.action,
             c.upstream_status AS upstreamStatus, c.request_id AS requestId, c.operation_id AS operationId,
             c.refusal, o.username, o.outcome
           FROM (SELECT * FROM audit_calls c WHERE ${sql} ${before === undefined ? '' : 'AND c.id < @before'}
                 ORDER BY c.id DESC LIMIT @limit) c
           LEFT JOIN audit_outcomes o ON o.call_id = c.id ${onlyUser}
           ORDER BY c.id DESC, o.position`,
      ).all({ ...params, limit, ...(before === undefined ? {} : { before }) });
    },
    prune,
    verify: () => verifyChain(db),
    close() {
      clearInterval(pruning);
      db.close();
    },
  };
}
