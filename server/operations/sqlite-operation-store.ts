// The operation store in one SQLite file under DATA_DIR. WAL with synchronous=NORMAL survives a killed
// process (what resuming must handle) without a disk flush for each of a hundred calls a second.
import Database from 'better-sqlite3';
import { emptyCounts, type OutcomeCounts, type OutcomeStatus } from '../../src/lib/bulk/outcomes.ts';
import { allowExports } from './sqlite-operation-schema.ts';
import type {
  ExportList,
  ExportWalk,
  InvalidEntry,
  ItemKey,
  OperationItem,
  OperationRecord,
  OperationStore,
  SettledItem,
} from './operation-store.ts';
import { UNFINISHED_STATES } from './operation-store.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS operations (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('add', 'remove', 'export')),
  scope TEXT NOT NULL CHECK (scope IN ('thread', 'user-threads')),
  thread_id TEXT,
  username TEXT,
  thread_names TEXT NOT NULL,
  label TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  state TEXT NOT NULL,
  run INTEGER NOT NULL,
  stop_reason TEXT,
  undo_of TEXT,
  undone_by TEXT,
  left_alone TEXT NOT NULL,
  invalid TEXT NOT NULL,
  run_started_at INTEGER,
  run_ended_at INTEGER,
  calls INTEGER NOT NULL,
  rate_limited INTEGER NOT NULL,
  retries INTEGER NOT NULL,
  export_walk TEXT
);
CREATE INDEX IF NOT EXISTS operations_created ON operations (created_at);
CREATE INDEX IF NOT EXISTS operations_state ON operations (state);
CREATE TABLE IF NOT EXISTS operation_items (
  operation_id TEXT NOT NULL REFERENCES operations (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  thread_id TEXT NOT NULL,
  username TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT,
  inferred INTEGER NOT NULL DEFAULT 0,
  in_flight INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (operation_id, position)
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS operation_items_pair ON operation_items (operation_id, thread_id, username);
CREATE INDEX IF NOT EXISTS operation_items_change ON operation_items (thread_id, username, status);
CREATE TABLE IF NOT EXISTS export_members (
  operation_id TEXT NOT NULL REFERENCES operations (id) ON DELETE CASCADE,
  list TEXT NOT NULL CHECK (list IN ('file', 'pass')),
  position INTEGER NOT NULL,
  username TEXT NOT NULL,
  PRIMARY KEY (operation_id, list, position)
) WITHOUT ROWID;
`;

interface OperationRow {
  id: string;
  kind: OperationRecord['kind'];
  scope: OperationRecord['scope'];
  thread_id: string | null;
  username: string | null;
  thread_names: string;
  label: string;
  actor: string;
  role: string;
  created_at: number;
  state: OperationRecord['state'];
  run: number;
  stop_reason: string | null;
  undo_of: string | null;
  undone_by: string | null;
  left_alone: string;
  invalid: string;
  run_started_at: number | null;
  run_ended_at: number | null;
  calls: number;
  rate_limited: number;
  retries: number;
  export_walk: string | null;
}

interface ItemRow {
  thread_id: string;
  username: string;
  status: OutcomeStatus;
  reason: string | null;
  inferred: number;
  in_flight: number;
}

/** The store writes these columns itself; everything else of a record maps one to one. */
const COLUMNS: Record<keyof Omit<OperationRecord, 'id'>, keyof OperationRow> = {
  kind: 'kind',
  scope: 'scope',
  threadId: 'thread_id',
  username: 'username',
  threadNames: 'thread_names',
  label: 'label',
  actor: 'actor',
  role: 'role',
  createdAt: 'created_at',
  state: 'state',
  run: 'run',
  stopReason: 'stop_reason',
  undoOf: 'undo_of',
  undoneBy: 'undone_by',
  leftAlone: 'left_alone',
  invalid: 'invalid',
  runStartedAt: 'run_started_at',
  runEndedAt: 'run_ended_at',
  calls: 'calls',
  rateLimited: 'rate_limited',
  retries: 'retries',
  exportWalk: 'export_walk',
};
const JSON_FIELDS = new Set<keyof OperationRecord>(['threadNames', 'leftAlone', 'invalid', 'exportWalk']);

function toRecord(row: OperationRow): OperationRecord {
  return {
    id: row.id,
    kind: row.kind,
    scope: row.scope,
    threadId: row.thread_id,
    username: row.username,
    threadNames: JSON.parse(row.thread_names) as Record<string, string>,
    label: row.label,
    actor: row.actor,
    role: row.role,
    createdAt: row.created_at,
    state: row.state,
    run: row.run,
    stopReason: row.stop_reason,
    undoOf: row.undo_of,
    undoneBy: row.undone_by,
    leftAlone: JSON.parse(row.left_alone) as string[],
    invalid: JSON.parse(row.invalid) as InvalidEntry[],
    runStartedAt: row.run_started_at,
    runEndedAt: row.run_ended_at,
    calls: row.calls,
    rateLimited: row.rate_limited,
    retries: row.retries,
    exportWalk: row.export_walk === null ? null : (JSON.parse(row.export_walk) as ExportWalk),
  };
}

function columnValue(field: keyof OperationRecord, value: unknown): unknown {
  return JSON_FIELDS.has(field) && value !== null ? JSON.stringify(value) : value;
}

export function openSqliteOperationStore(file: string): OperationStore {
  const db = new Database(file);
  if (file !== ':memory:') {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  allowExports(db);
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);

  const fields = Object.keys(COLUMNS) as (keyof Omit<OperationRecord, 'id'>)[];
  const insertOperation = db.prepare(
    `INSERT INTO operations (id, ${fields.map((field) => COLUMNS[field]).join(', ')})
     VALUES (@id, ${fields.map((field) => `@${field}`).join(', ')})`,
  );
  const insertItem = db.prepare(
    `INSERT INTO operation_items (operation_id, position, thread_id, username, status)
     VALUES (?, ?, ?, ?, 'pending')`,
  );
  const selectOperation = db.prepare<[string], OperationRow>('SELECT * FROM operations WHERE id = ?');
  const selectRecent = db.prepare<[number], OperationRow>(
    `SELECT * FROM operations WHERE state IN (${UNFINISHED_STATES.map((s) => `'${s}'`).join(', ')})
     UNION SELECT * FROM (SELECT * FROM operations ORDER BY created_at DESC LIMIT ?)
     ORDER BY created_at DESC`,
  );
  const selectUnfinished = db.prepare<[], OperationRow>(
    `SELECT * FROM operations WHERE state IN (${UNFINISHED_STATES.map((s) => `'${s}'`).join(', ')})
     ORDER BY created_at`,
  );
  const selectItems = db.prepare<[string], ItemRow>(
    `SELECT thread_id, username, status, reason, inferred, in_flight FROM operation_items
     WHERE operation_id = ? ORDER BY position`,
  );
  const selectCounts = db.prepare<[string], { status: OutcomeStatus; n: number }>(
    'SELECT status, COUNT(*) AS n FROM operation_items WHERE operation_id = ? GROUP BY status',
  );
  const setSent = db.prepare(
    'UPDATE operation_items SET in_flight = 1 WHERE operation_id = ? AND thread_id = ? AND username = ?',
  );
  const setSettled = db.prepare(
    `UPDATE operation_items SET status = ?, reason = ?, inferred = ?, in_flight = 0
     WHERE operation_id = ? AND thread_id = ? AND username = ?`,
  );
  // A failed item was sent and may have been applied (its answer was an error after the change, or lost): it
  // goes out again as one in flight, so that a removal that finds the user gone counts as done.
  const setPending = db.prepare(
    `UPDATE operation_items SET status = 'pending', reason = NULL, inferred = 0, in_flight = (status = 'failed')
     WHERE operation_id = ? AND thread_id = ? AND username = ?`,
  );
  // Changed by an operation started, or run again, after `after`: one read for all the items asked about.
  const selectChangedLater = db.prepare<
    { after: number; except: string },
    { thread_id: string; username: string }
  >(
    `SELECT DISTINCT i.thread_id, i.username FROM operation_items i JOIN operations o ON o.id = i.operation_id
     WHERE (o.created_at > @after OR o.run_started_at > @after) AND i.status IN ('added', 'removed')
       AND o.id NOT IN (SELECT value FROM json_each(@except))`,
  );

  const selectExportList = db.prepare<[string, ExportList], { username: string }>(
    'SELECT username FROM export_members WHERE operation_id = ? AND list = ? ORDER BY position',
  );
  const insertExportMember = db.prepare(
    'INSERT INTO export_members (operation_id, list, position, username) VALUES (?, ?, ?, ?)',
  );
  const selectExportEnd = db.prepare<[string, ExportList], { next: number }>(
    'SELECT COALESCE(MAX(position) + 1, 0) AS next FROM export_members WHERE operation_id = ? AND list = ?',
  );
  const deleteExportLists = db.prepare('DELETE FROM export_members WHERE operation_id = ?');
  const setExportWalk = db.prepare('UPDATE operations SET export_walk = ? WHERE id = ?');
  const appendExportList = (id: string, list: ExportList, usernames: readonly string[]) => {
    let position = selectExportEnd.get(id, list)?.next ?? 0;
    for (const username of usernames) insertExportMember.run(id, list, position++, username);
  };
  const recordExportPage = db.transaction((id: string, walk: ExportWalk, usernames: readonly string[]) => {
    appendExportList(id, 'pass', usernames);
    setExportWalk.run(JSON.stringify(walk), id);
  });
  const endExportPass = db.transaction((id: string, walk: ExportWalk, file: readonly string[]) => {
    deleteExportLists.run(id);
    appendExportList(id, 'file', file);
    setExportWalk.run(JSON.stringify(walk), id);
  });

  const create = db.transaction((record: OperationRecord, items: readonly ItemKey[]) => {
    insertOperation.run({
      id: record.id,
      ...Object.fromEntries(fields.map((field) => [field, columnValue(field, record[field])])),
    });
    items.forEach(({ threadId, username }, position) =>
      insertItem.run(record.id, position, threadId, username),
    );
  });
  const eachItem = (statement: Database.Statement) =>
    db.transaction((id: string, items: readonly ItemKey[]) => {
      for (const { threadId, username } of items) statement.run(id, threadId, username);
    });
  const markSent = eachItem(setSent);
  const reopen = eachItem(setPending);
  const settle = db.transaction((id: string, items: readonly SettledItem[]) => {
    for (const item of items) {
      setSettled.run(
        item.status,
        item.reason ?? null,
        item.inferred ? 1 : 0,
        id,
        item.threadId,
        item.username,
      );
    }
  });

  // Listing operations asks for every recent one's counts, each a scan of its items: kept until they change.
  const countsKept = new Map<string, OutcomeCounts>();
  const changing =
    <Args extends [string, ...unknown[]]>(write: (...args: Args) => void) =>
    (...args: Args) => {
      countsKept.delete(args[0]);
      write(...args);
    };

  return {
    create: (record, items) => create(record, items),
    get: (id) => {
      const row = selectOperation.get(id);
      return row === undefined ? null : toRecord(row);
    },
    recent: (limit) => selectRecent.all(limit).map(toRecord),
    unfinished: () => selectUnfinished.all().map(toRecord),
    update: (id, change) => {
      const changed = (Object.keys(change) as (keyof typeof change)[]).filter((field) => field in COLUMNS);
      if (changed.length === 0) return;
      db.prepare(
        `UPDATE operations SET ${changed.map((field) => `${COLUMNS[field]} = @${field}`).join(', ')} WHERE id = @id`,
      ).run({
        id,
        ...Object.fromEntries(changed.map((field) => [field, columnValue(field, change[field])])),
      });
    },
    items: (id) =>
      selectItems.all(id).map((row): OperationItem => ({
        threadId: row.thread_id,
        username: row.username,
        status: row.status,
        reason: row.reason,
        inferred: row.inferred === 1,
        inFlight: row.in_flight === 1,
      })),
    counts: (id) => {
      const kept = countsKept.get(id);
      if (kept !== undefined) return { ...kept };
      const counts: OutcomeCounts = emptyCounts();
      for (const { status, n } of selectCounts.all(id)) counts[status] = n;
      countsKept.set(id, counts);
      return { ...counts };
    },
    markSent: (id, items) => markSent(id, items),
    settle: changing((id: string, items: readonly SettledItem[]) => settle(id, items)),
    reopen: changing((id: string, items: readonly ItemKey[]) => reopen(id, items)),
    changedLater: (items, after, except) => {
      const changed = new Set(
        selectChangedLater
          .all({ after, except: JSON.stringify(except) })
          .map((row) => `${row.thread_id}\u0000${row.username}`),
      );
      return items.filter(({ threadId, username }) => changed.has(`${threadId}\u0000${username}`));
    },
    exportList: (id, list) => selectExportList.all(id, list).map((row) => row.username),
    recordExportPage: (id, walk, usernames) => recordExportPage(id, walk, usernames),
    endExportPass: (id, walk, file) => endExportPass(id, walk, file),
    close: () => db.close(),
  };
}
