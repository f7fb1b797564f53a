// The audit log's hash chain: an edited, inserted or deleted call is reported where it happened, pruning and
// the upgrade of a log from before the chain keep it whole, and the files are readable by their owner only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from './audit-chain.ts';
import { openAuditLog } from './audit-file.ts';
import { openAuditStore, type AuditCall, type AuditStore } from './audit-store.ts';

const DAY = 86_400_000;
const folders: string[] = [];
const stores: AuditStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function auditFile(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'tma-chain-'));
  folders.push(folder);
  return path.join(folder, 'audit.sqlite');
}

function call(n: number, overrides: Partial<AuditCall> = {}): AuditCall {
  return {
    time: Date.parse('2026-11-30T08:00:00Z') + n,
    actor: 'ann',
    role: 'moderator',
    threadId: '100',
    action: 'add',
    upstreamStatus: 200,
    requestId: `request-${n}`,
    operationId: null,
    outcomes: [
      { username: `user${n}a`, outcome: 'added' },
      { username: `user${n}b`, outcome: 'added' },
    ],
    ...overrides,
  };
}

/** A log of `count` calls written by the store, then closed so the test can tamper with the file. */
function writtenLog(count: number): string {
  const file = auditFile();
  const store = openAuditStore(file, { retentionDays: 30 });
  for (let n = 1; n <= count; n += 1) store.append(call(n));
  store.close();
  return file;
}

/** Opens the file as someone with write access would, without the append-only triggers in the way. */
function tamper(file: string, sql: string): void {
  const db = new Database(file);
  db.exec('DROP TRIGGER audit_calls_append_only; DROP TRIGGER audit_outcomes_append_only;');
  db.exec(sql);
  db.close();
}

function problems(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return verifyChain(db).problems;
  } finally {
    db.close();
  }
}

describe('audit log hash chain', () => {
  it('verifies a log as written, and names its newest call and hash', () => {
    const file = writtenLog(4);
    const db = new Database(file, { readonly: true });
    const report = verifyChain(db);
    db.close();
    expect(report).toMatchObject({ calls: 4, problems: [], upgradedThrough: 0, head: { id: 4 } });
    expect(report.head?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports a call whose content or user outcomes were edited', () => {
    const edited = writtenLog(4);
    tamper(edited, "UPDATE audit_calls SET actor = 'mallory' WHERE id = 2");
    expect(problems(edited)).toEqual([
      'Call 2 was changed after it was recorded: its content no longer matches its hash.',
    ]);
    const outcome = writtenLog(4);
    tamper(outcome, "UPDATE audit_outcomes SET outcome = 'refused' WHERE call_id = 3 AND position = 1");
    expect(problems(outcome)).toEqual([
      'Call 3 was changed after it was recorded: its content no longer matches its hash.',
    ]);
  });

  it('reports where the chain breaks when an edited call was given a fresh hash', () => {
    const file = writtenLog(4);
    tamper(file, "UPDATE audit_calls SET hash = '" + 'f'.repeat(64) + "', actor = 'mallory' WHERE id = 2");
    expect(problems(file)).toEqual([
      'Call 2 was changed after it was recorded: its content no longer matches its hash.',
      'The chain breaks between call 2 and call 3: a call between them was deleted or inserted, or call 2 was changed.',
    ]);
  });

  it('reports a deleted call, in the middle, at the start or at the end', () => {
    const middle = writtenLog(4);
    tamper(middle, 'DELETE FROM audit_calls WHERE id = 2');
    expect(problems(middle)).toEqual([
      'The chain breaks between call 1 and call 3: a call between them was deleted or inserted, or call 1 was changed.',
    ]);
    const first = writtenLog(4);
    tamper(first, 'DELETE FROM audit_calls WHERE id = 1');
    expect(problems(first)).toEqual([
      'Call 2, the oldest kept, does not follow the last call the retention deleted (call 0): calls before it were deleted or inserted.',
    ]);
    const newest = writtenLog(4);
    tamper(newest, 'DELETE FROM audit_calls WHERE id >= 3');
    expect(problems(newest)).toEqual([
      'The log ends at call 2, but calls up to 4 were recorded: the newest were deleted.',
    ]);
  });

  it('reports a call inserted outside the server', () => {
    const file = writtenLog(2);
    tamper(
      file,
      `INSERT INTO audit_calls (id, time, actor, role, thread_id, action, request_id)
       VALUES (3, 0, 'ann', 'moderator', '100', 'remove', 'forged')`,
    );
    expect(problems(file)).toEqual([
      'Call 3 has no hash: it was inserted outside the server.',
      'The log ends at call 3, but the newest call the server recorded is 2: calls were added or changed at the end.',
    ]);
  });

  it('keeps the chain whole when the retention deletes the oldest calls, and after a restart', () => {
    const file = auditFile();
    let now = Date.parse('2026-11-30T08:00:00Z');
    const store = openAuditStore(file, { retentionDays: 30, now: () => now });
    for (let n = 1; n <= 3; n += 1) store.append(call(n, { time: now - 40 * DAY + n }));
    store.append(call(4));
    expect(store.prune()).toBe(3);
    store.close();
    expect(problems(file)).toEqual([]);
    now += 31 * DAY;
    const reopened = openAuditStore(file, { retentionDays: 30, now: () => now });
    reopened.append(call(5, { time: now }));
    expect(reopened.list({}, 10).entries.map((entry) => entry.id)).toEqual([5]);
    reopened.close();
    expect(problems(file)).toEqual([]);
  });

  it('chains a log written before the chain existed as found, and goes on from there', () => {
    const file = auditFile();
    const legacy = new Database(file);
    legacy.exec(`
      CREATE TABLE audit_calls (id INTEGER PRIMARY KEY AUTOINCREMENT, entry_id INTEGER, time INTEGER NOT NULL,
        actor TEXT NOT NULL, role TEXT NOT NULL, thread_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('add', 'remove')), upstream_status INTEGER,
        request_id TEXT NOT NULL, operation_id TEXT);
      CREATE TABLE audit_outcomes (call_id INTEGER NOT NULL REFERENCES audit_calls (id) ON DELETE CASCADE,
        position INTEGER NOT NULL, username TEXT NOT NULL, outcome TEXT NOT NULL,
        PRIMARY KEY (call_id, position)) WITHOUT ROWID;
      CREATE TRIGGER audit_calls_append_only BEFORE UPDATE ON audit_calls
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      INSERT INTO audit_calls (time, actor, role, thread_id, action, upstream_status, request_id)
        VALUES (${Date.now()}, 'ann', 'moderator', '100', 'add', 200, 'old-1'),
               (${Date.now()}, 'vic', 'moderator', '200', 'remove', 200, 'old-2');
      INSERT INTO audit_outcomes VALUES (1, 0, 'bob', 'added'), (2, 0, 'bob', 'removed');
    `);
    legacy.close();
    const store = openAuditStore(file, { retentionDays: 30 });
    store.append(call(3));
    expect(store.list({}, 10).entries.map((entry) => entry.actor)).toEqual(['ann', 'vic', 'ann']);
    store.close();
    const db = new Database(file, { readonly: true });
    expect(verifyChain(db)).toMatchObject({ calls: 3, upgradedThrough: 2, problems: [] });
    db.close();
    expect(() => tamper(file, "UPDATE audit_calls SET actor = 'x' WHERE id = 1")).not.toThrow();
    expect(problems(file)).toHaveLength(1);
  });

  it('widens a log from before refused cancels, retries and undos, and its chain still verifies', () => {
    const file = writtenLog(3);
    // The log as the previous release wrote it: its calls' table took only add and remove.
    const previous = new Database(file);
    previous.pragma('foreign_keys = OFF');
    previous.exec(`
      CREATE TABLE audit_calls_previous (id INTEGER PRIMARY KEY AUTOINCREMENT, entry_id INTEGER,
        time INTEGER NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL, thread_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('add', 'remove')), upstream_status INTEGER,
        request_id TEXT NOT NULL, operation_id TEXT, refusal TEXT, prev_hash TEXT, hash TEXT);
      INSERT INTO audit_calls_previous SELECT * FROM audit_calls;
      DROP TABLE audit_calls;
      ALTER TABLE audit_calls_previous RENAME TO audit_calls;
    `);
    expect(() =>
      previous
        .prepare(
          "INSERT INTO audit_calls (time, actor, role, thread_id, action, request_id) VALUES (1, 'v', 'viewer', '', 'undo', 'r')",
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    previous.close();
    expect(problems(file)).toEqual([]);

    const store = openAuditStore(file, { retentionDays: 30 });
    store.append(
      call(4, {
        actor: 'vic',
        role: 'viewer',
        action: 'undo',
        upstreamStatus: null,
        operationId: 'op-1',
        refusal: 'forbidden_role (403)',
        outcomes: [],
      }),
    );
    const entries = store.list({}, 10).entries;
    expect(entries.map((entry) => [entry.id, entry.action])).toEqual([
      [4, 'undo'],
      [3, 'add'],
      [2, 'add'],
      [1, 'add'],
    ]);
    // Every user outcome came along: the old table's drop took none with it.
    expect(store.users(1)?.users).toHaveLength(2);
    store.close();
    expect(problems(file)).toEqual([]);
    expect(() => tamper(file, 'DELETE FROM audit_calls WHERE id = 2')).not.toThrow();
    expect(problems(file)).toHaveLength(1);
  });

  it('creates the log and its write-ahead files readable by their owner only', async () => {
    const file = auditFile();
    const store = await openAuditLog({ file, retentionDays: 30 });
    stores.push(store);
    store.append(call(1));
    for (const name of [file, `${file}-wal`, `${file}-shm`]) {
      expect(statSync(name).mode & 0o777, name).toBe(0o600);
    }
    expect(statSync(path.dirname(file)).mode & 0o077).toBe(0);
  });

  it('npm run audit -- verify exits 0 for an intact log and 1, naming the call, for a tampered one', () => {
    const file = writtenLog(3);
    const verify = () =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/audit-cli.ts', 'verify', '--file', file], {
        encoding: 'utf8',
      });
    const intact = verify();
    expect(intact.status).toBe(0);
    expect(intact.stdout).toContain('is intact: 3 calls');
    tamper(file, 'DELETE FROM audit_calls WHERE id = 2');
    const broken = verify();
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('The chain breaks between call 1 and call 3');
  });
});
