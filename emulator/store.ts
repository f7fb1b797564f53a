// The emulator's data: users, groups, threads and thread members in SQLite, behind prepared statements.
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import { applySchema } from './schema.ts';

export interface ThreadRecord {
  seq: number;
  threadId: string;
  groupId: string;
  name: string;
  owner: string;
  msgId: string;
  created: number;
  memberCount: number;
}

export interface NewThread {
  threadId: string;
  groupId: string;
  name: string;
  owner: string;
  msgId: string;
  created: number;
}

export type SortOrder = 'asc' | 'desc';

interface ThreadRow {
  seq: number;
  thread_id: string;
  group_id: string;
  name: string;
  owner: string;
  msg_id: string;
  created: number;
  member_count: number;
}

const THREAD_COLUMNS = 'seq, thread_id, group_id, name, owner, msg_id, created, member_count';
// Ids of threads created through the API continue after the largest id ever issued (kept in meta so a
// deleted thread's id is never handed out again); the step only makes them look less like a counter.
const FIRST_THREAD_ID = 180_000_000_000_000;
const THREAD_ID_STEP = 7919;

function toRecord(row: ThreadRow): ThreadRecord {
  return {
    seq: row.seq,
    threadId: row.thread_id,
    groupId: row.group_id,
    name: row.name,
    owner: row.owner,
    msgId: row.msg_id,
    created: row.created,
    memberCount: row.member_count,
  };
}

export class EmulatorStore {
  readonly db: SqliteDatabase;
  private readonly stmts: ReturnType<typeof prepareStatements>;

  constructor(file: string) {
    this.db = new Database(file);
    if (file !== ':memory:' && file !== '') {
      // WAL lets a reader (a second CLI, a test inspecting the file) coexist with the running emulator.
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
    }
    this.db.pragma('foreign_keys = OFF');
    applySchema(this.db);
    this.stmts = prepareStatements(this.db);
  }

  /** Runs fn in one transaction: everything one API call writes commits or rolls back together. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  isEmpty(): boolean {
    return this.stmts.anyUser.get() === undefined && this.stmts.anyThread.get() === undefined;
  }

  wipe(): void {
    this.transaction(() => {
      for (const table of ['thread_members', 'threads', 'group_members', 'groups', 'users', 'meta']) {
        this.db.prepare(`DELETE FROM ${table}`).run();
      }
      this.db.prepare(`DELETE FROM sqlite_sequence`).run();
    });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // Users and groups (the API under emulation cannot create them; seeds and tests do).

  addUsers(usernames: readonly string[], created = 0): void {
    this.transaction(() => {
      for (const username of usernames) this.stmts.insertUser.run(username, created);
    });
  }

  userExists(username: string): boolean {
    return this.stmts.userExists.get(username) !== undefined;
  }

  createGroup(group: { groupId: string; name: string; owner: string; created: number }): void {
    this.stmts.insertGroup.run(group.groupId, group.name, group.owner, group.created);
  }

  groupExists(groupId: string): boolean {
    return this.stmts.groupExists.get(groupId) !== undefined;
  }

  addGroupMembers(groupId: string, usernames: readonly string[]): void {
    this.transaction(() => {
      for (const username of usernames) this.stmts.insertGroupMember.run(groupId, username);
    });
  }

  isGroupMember(groupId: string, username: string): boolean {
    return this.stmts.isGroupMember.get(groupId, username) !== undefined;
  }

  // Threads.

  getThread(threadId: string): ThreadRecord | undefined {
    const row = this.stmts.getThread.get(threadId) as ThreadRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  threadExists(threadId: string): boolean {
    return this.stmts.getThread.get(threadId) !== undefined;
  }

  listThreadIds(sort: SortOrder = 'asc'): string[] {
    const stmt = sort === 'asc' ? this.stmts.allThreadIdsAsc : this.stmts.allThreadIdsDesc;
    return stmt.pluck().all() as string[];
  }

  /** Reserves a fresh 15-digit thread id that was never used in this database. */
  nextThreadId(): string {
    const stored = this.stmts.getMeta.pluck().get('last_thread_id') as string | undefined;
    const largest = this.stmts.maxThreadId.pluck().get() as string | null;
    const last = Math.max(Number(stored ?? 0), Number(largest ?? 0), FIRST_THREAD_ID);
    const next = String(last + THREAD_ID_STEP);
    this.stmts.setMeta.run('last_thread_id', next);
    return next;
  }

  insertThread(thread: NewThread): void {
    this.stmts.insertThread.run(
      thread.threadId,
      thread.groupId,
      thread.name,
      thread.owner,
      thread.msgId,
      thread.created,
    );
  }

  renameThread(threadId: string, name: string): void {
    this.stmts.renameThread.run(name, threadId);
  }

  deleteThread(threadId: string): void {
    this.transaction(() => {
      this.stmts.deleteThreadMembers.run(threadId);
      this.stmts.deleteThread.run(threadId);
    });
  }

  pageThreads(sort: SortOrder, afterSeq: number | null, limit: number): ThreadRecord[] {
    const rows =
      sort === 'asc'
        ? this.stmts.pageThreadsAsc.all(afterSeq ?? 0, limit)
        : this.stmts.pageThreadsDesc.all(afterSeq ?? Number.MAX_SAFE_INTEGER, limit);
    return (rows as ThreadRow[]).map(toRecord);
  }

  /** Threads the user joined, by thread creation, optionally within one group. */
  pageUserThreads(
    username: string,
    groupId: string | null,
    sort: SortOrder,
    afterSeq: number | null,
    limit: number,
  ): ThreadRecord[] {
    const position = afterSeq ?? (sort === 'asc' ? 0 : Number.MAX_SAFE_INTEGER);
    const stmt = sort === 'asc' ? this.stmts.pageUserThreadsAsc : this.stmts.pageUserThreadsDesc;
    const rows = stmt.all({ username, groupId, position, limit }) as ThreadRow[];
    return rows.map(toRecord);
  }

  // Thread members.

  /** Every member in join order (for tests and the control routes). */
  listThreadMembers(threadId: string): string[] {
    return this.stmts.allMembers.pluck().all(threadId) as string[];
  }

  pageThreadMembers(threadId: string, afterSeq: number, limit: number): { seq: number; username: string }[] {
    return this.stmts.pageMembers.all(threadId, afterSeq, limit) as { seq: number; username: string }[];
  }

  /** Members in join order from an offset into the current list (for `--cursor offset`). */
  pageThreadMembersAt(threadId: string, offset: number, limit: number): string[] {
    return this.stmts.pageMembersAt.pluck().all(threadId, limit, offset) as string[];
  }

  isThreadMember(threadId: string, username: string): boolean {
    return this.stmts.isMember.get(threadId, username) !== undefined;
  }

  countUserThreads(username: string): number {
    return this.stmts.countUserThreads.pluck().get(username) as number;
  }

  /** Adds the users who are not members yet, keeping member_count in step; returns how many joined. */
  addThreadMembers(threadId: string, usernames: readonly string[]): number {
    return this.transaction(() => {
      let added = 0;
      for (const username of usernames) added += this.stmts.insertMember.run(threadId, username).changes;
      if (added > 0) this.stmts.bumpMemberCount.run(added, threadId);
      return added;
    });
  }

  /** Removes one member; false when the user was not a member. */
  removeThreadMember(threadId: string, username: string): boolean {
    return this.transaction(() => {
      const removed = this.stmts.deleteMember.run(threadId, username).changes > 0;
      if (removed) this.stmts.bumpMemberCount.run(-1, threadId);
      return removed;
    });
  }

  /** Recomputes every thread's member_count (after bulk inserts that bypass addThreadMembers). */
  recountMembers(): void {
    this.db
      .prepare(
        `UPDATE threads SET member_count =
           (SELECT COUNT(*) FROM thread_members m WHERE m.thread_id = threads.thread_id)`,
      )
      .run();
  }
}

function prepareStatements(db: SqliteDatabase) {
  const userThreads = (order: 'ASC' | 'DESC', cmp: '>' | '<'): Statement =>
    db.prepare(
      `SELECT ${THREAD_COLUMNS.split(', ')
        .map((c) => `t.${c}`)
        .join(', ')}
       FROM thread_members m JOIN threads t ON t.thread_id = m.thread_id
       WHERE m.username = @username AND (@groupId IS NULL OR t.group_id = @groupId) AND t.seq ${cmp} @position
       ORDER BY t.seq ${order} LIMIT @limit`,
    );
  return {
    anyUser: db.prepare(`SELECT 1 FROM users LIMIT 1`),
    anyThread: db.prepare(`SELECT 1 FROM threads LIMIT 1`),
    insertUser: db.prepare(`INSERT OR IGNORE INTO users (username, created) VALUES (?, ?)`),
    userExists: db.prepare(`SELECT 1 FROM users WHERE username = ?`),
    insertGroup: db.prepare(`INSERT INTO groups (group_id, name, owner, created) VALUES (?, ?, ?, ?)`),
    groupExists: db.prepare(`SELECT 1 FROM groups WHERE group_id = ?`),
    insertGroupMember: db.prepare(`INSERT OR IGNORE INTO group_members (group_id, username) VALUES (?, ?)`),
    isGroupMember: db.prepare(`SELECT 1 FROM group_members WHERE group_id = ? AND username = ?`),
    getThread: db.prepare(`SELECT ${THREAD_COLUMNS} FROM threads WHERE thread_id = ?`),
    allThreadIdsAsc: db.prepare(`SELECT thread_id FROM threads ORDER BY seq ASC`),
    allThreadIdsDesc: db.prepare(`SELECT thread_id FROM threads ORDER BY seq DESC`),
    maxThreadId: db.prepare(`SELECT MAX(CAST(thread_id AS INTEGER)) FROM threads`),
    getMeta: db.prepare(`SELECT value FROM meta WHERE key = ?`),
    setMeta: db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`),
    insertThread: db.prepare(
      `INSERT INTO threads (thread_id, group_id, name, owner, msg_id, created) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    renameThread: db.prepare(`UPDATE threads SET name = ? WHERE thread_id = ?`),
    deleteThread: db.prepare(`DELETE FROM threads WHERE thread_id = ?`),
    deleteThreadMembers: db.prepare(`DELETE FROM thread_members WHERE thread_id = ?`),
    pageThreadsAsc: db.prepare(
      `SELECT ${THREAD_COLUMNS} FROM threads WHERE seq > ? ORDER BY seq ASC LIMIT ?`,
    ),
    pageThreadsDesc: db.prepare(
      `SELECT ${THREAD_COLUMNS} FROM threads WHERE seq < ? ORDER BY seq DESC LIMIT ?`,
    ),
    pageUserThreadsAsc: userThreads('ASC', '>'),
    pageUserThreadsDesc: userThreads('DESC', '<'),
    allMembers: db.prepare(`SELECT username FROM thread_members WHERE thread_id = ? ORDER BY seq`),
    pageMembers: db.prepare(
      `SELECT seq, username FROM thread_members WHERE thread_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
    ),
    pageMembersAt: db.prepare(
      `SELECT username FROM thread_members WHERE thread_id = ? ORDER BY seq LIMIT ? OFFSET ?`,
    ),
    isMember: db.prepare(`SELECT 1 FROM thread_members WHERE thread_id = ? AND username = ?`),
    countUserThreads: db.prepare(`SELECT COUNT(*) FROM thread_members WHERE username = ?`),
    insertMember: db.prepare(`INSERT OR IGNORE INTO thread_members (thread_id, username) VALUES (?, ?)`),
    deleteMember: db.prepare(`DELETE FROM thread_members WHERE thread_id = ? AND username = ?`),
    bumpMemberCount: db.prepare(`UPDATE threads SET member_count = member_count + ? WHERE thread_id = ?`),
  };
}
