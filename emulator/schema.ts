// SQLite schema of the emulator's store; created idempotently so a file database survives restarts.
import type { Database } from 'better-sqlite3';

const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS users (
     username TEXT PRIMARY KEY,
     created INTEGER NOT NULL
   ) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS groups (
     group_id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     owner TEXT NOT NULL,
     created INTEGER NOT NULL
   ) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS group_members (
     group_id TEXT NOT NULL,
     username TEXT NOT NULL,
     PRIMARY KEY (group_id, username)
   ) WITHOUT ROWID`,
  // seq is the creation order endpoint 7 pages over; AUTOINCREMENT so a deleted thread's seq is never reused,
  // which keeps cursors pointing at the right place.
  `CREATE TABLE IF NOT EXISTS threads (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     thread_id TEXT NOT NULL UNIQUE,
     group_id TEXT NOT NULL,
     name TEXT NOT NULL,
     owner TEXT NOT NULL,
     msg_id TEXT NOT NULL,
     created INTEGER NOT NULL,
     member_count INTEGER NOT NULL DEFAULT 0
   )`,
  `CREATE INDEX IF NOT EXISTS threads_by_group ON threads (group_id, seq)`,
  // seq is the join order; monotonic (AUTOINCREMENT) so a cursor survives removals and re-adds around it.
  `CREATE TABLE IF NOT EXISTS thread_members (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     thread_id TEXT NOT NULL,
     username TEXT NOT NULL,
     UNIQUE (thread_id, username)
   )`,
  `CREATE INDEX IF NOT EXISTS thread_members_by_thread ON thread_members (thread_id, seq)`,
  `CREATE INDEX IF NOT EXISTS thread_members_by_user ON thread_members (username, thread_id)`,
];

export function applySchema(db: Database): void {
  for (const sql of STATEMENTS) db.exec(sql);
}
