// Brings an operations database written before exports ran on the server up to date: its `operations` table
// allows only adds and removals and has no column for an export's walk. SQLite cannot change a CHECK in place,
// so the table is copied into one of the current shape, as its documentation prescribes for such changes.
import type { Database } from 'better-sqlite3';

const OLD_COLUMNS = [
  'id',
  'kind',
  'scope',
  'thread_id',
  'username',
  'thread_names',
  'label',
  'actor',
  'role',
  'created_at',
  'state',
  'run',
  'stop_reason',
  'undo_of',
  'undone_by',
  'left_alone',
  'invalid',
  'run_started_at',
  'run_ended_at',
  'calls',
  'rate_limited',
  'retries',
].join(', ');

/** Run before the schema is created, with foreign keys off: the copy must not cascade to the items. */
export function allowExports(db: Database): void {
  const table = db
    .prepare<[], { sql: string }>(
      "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'operations'",
    )
    .get();
  if (table === undefined || table.sql.includes('export_walk')) return;
  const current = table.sql
    .replace("CHECK (kind IN ('add', 'remove'))", "CHECK (kind IN ('add', 'remove', 'export'))")
    .replace(/\s*\)\s*$/, ',\n  export_walk TEXT\n)')
    .replace(/^CREATE TABLE operations/, 'CREATE TABLE operations_current');
  db.pragma('foreign_keys = OFF');
  db.transaction(() => {
    db.exec(current);
    db.exec(`INSERT INTO operations_current (${OLD_COLUMNS}) SELECT ${OLD_COLUMNS} FROM operations`);
    db.exec('DROP TABLE operations');
    db.exec('ALTER TABLE operations_current RENAME TO operations');
  })();
}
