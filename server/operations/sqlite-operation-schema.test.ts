import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openSqliteOperationStore } from './sqlite-operation-store.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

it('opens a database written before exports, keeping its operations and their items', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'operations-'));
  dirs.push(dir);
  const file = path.join(dir, 'operations.sqlite');
  const old = new Database(file);
  old.exec(`
    CREATE TABLE operations (
      id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('add', 'remove')),
      scope TEXT NOT NULL CHECK (scope IN ('thread', 'user-threads')), thread_id TEXT, username TEXT,
      thread_names TEXT NOT NULL, label TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL,
      created_at INTEGER NOT NULL, state TEXT NOT NULL, run INTEGER NOT NULL, stop_reason TEXT, undo_of TEXT,
      undone_by TEXT, left_alone TEXT NOT NULL, invalid TEXT NOT NULL, run_started_at INTEGER,
      run_ended_at INTEGER, calls INTEGER NOT NULL, rate_limited INTEGER NOT NULL, retries INTEGER NOT NULL
    );
    CREATE TABLE operation_items (
      operation_id TEXT NOT NULL REFERENCES operations (id) ON DELETE CASCADE, position INTEGER NOT NULL,
      thread_id TEXT NOT NULL, username TEXT NOT NULL, status TEXT NOT NULL, reason TEXT,
      inferred INTEGER NOT NULL DEFAULT 0, in_flight INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (operation_id, position)
    ) WITHOUT ROWID;
    INSERT INTO operations VALUES ('op-1', 'add', 'thread', '1', NULL, '{}', 'Add lurker to thread 1', 'ann',
      'moderator', 1, 'finished', 1, NULL, NULL, NULL, '[]', '[]', 1, 2, 1, 0, 0);
    INSERT INTO operation_items VALUES ('op-1', 0, '1', 'lurker', 'added', NULL, 0, 0);
  `);
  old.close();

  const store = openSqliteOperationStore(file);
  expect(store.get('op-1')).toMatchObject({ kind: 'add', label: 'Add lurker to thread 1', exportWalk: null });
  expect(store.items('op-1')).toMatchObject([{ username: 'lurker', status: 'added' }]);
  const before = store.get('op-1');
  if (before === null) throw new Error('op-1 is gone');
  store.create({ ...before, id: 'op-2', kind: 'export' }, []);
  expect(store.get('op-2')?.kind).toBe('export');
  store.close();
});
