// The audit store on its own: grouping by operation, filters, cursors, retention and append-only rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openAuditStore, type AuditCall, type AuditStore } from './audit-store.ts';
import { auditCall, memoryAuditStores } from './audit-test-support.ts';

const DAY = 86_400_000;
let now = Date.parse('2026-11-30T08:00:00Z');
const store = memoryAuditStores(() => now);
const call = (overrides: Partial<AuditCall> = {}): AuditCall => auditCall(now, overrides);

describe('audit store', () => {
  it('groups the calls of one operation into one entry and lists entries newest first', () => {
    const audit = store();
    audit.append(call({ operationId: 'op-1', outcomes: [{ username: 'a', outcome: 'added' }] }));
    audit.append(call({ threadId: '200' }));
    audit.append(
      call({
        operationId: 'op-1',
        time: now + 1000,
        upstreamStatus: 403,
        outcomes: [
          { username: 'b', outcome: 'refused' },
          { username: 'c', outcome: 'refused' },
        ],
      }),
    );
    const { entries, nextCursor } = audit.list({}, 10);
    expect(nextCursor).toBeNull();
    expect(entries).toMatchObject([
      {
        operationId: 'op-1',
        threadId: '100',
        calls: 2,
        startedAt: now,
        endedAt: now + 1000,
        outcomes: { added: 1, refused: 2 },
      },
      { operationId: null, threadId: '200', calls: 1, outcomes: { added: 1 } },
    ]);
    const users = audit.users(entries[0]?.id ?? 0)?.users;
    expect(users?.map((user) => [user.username, user.outcome, user.upstreamStatus])).toEqual([
      ['a', 'added', 200],
      ['b', 'refused', 403],
      ['c', 'refused', 403],
    ]);
    expect(audit.users(999)).toBeNull();
  });

  it('counts a user retried within an operation once, by their last outcome', () => {
    const audit = store();
    const lost = { upstreamStatus: null, outcomes: [{ username: 'bob', outcome: 'unknown' as const }] };
    audit.append(call({ operationId: 'op', ...lost }));
    audit.append(call({ operationId: 'op', outcomes: [{ username: 'BOB', outcome: 'added' }] }));
    const [entry] = audit.list({}, 10).entries;
    expect(entry).toMatchObject({ calls: 2, outcomes: { added: 1 } });
    // The per-user list keeps both calls: the record of what was tried.
    expect(audit.users(entry?.id ?? 0)?.users.map((user) => user.outcome)).toEqual(['unknown', 'added']);
  });

  it('groups an operation across threads into one entry, and counts a user once in each thread', () => {
    const audit = store();
    const removed = (username: string) => [{ username, outcome: 'removed' as const }];
    audit.append(
      call({ operationId: 'everywhere', action: 'remove', threadId: '300', outcomes: removed('spam') }),
    );
    audit.append(
      call({ operationId: 'everywhere', action: 'remove', threadId: '100', outcomes: removed('spam') }),
    );
    audit.append(
      call({ operationId: 'everywhere', action: 'remove', threadId: '200', outcomes: removed('spam') }),
    );
    const [entry, ...others] = audit.list({}, 10).entries;
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ threadId: '100', threads: 3, calls: 3, outcomes: { removed: 3 } });
    expect(audit.users(entry?.id ?? 0)?.users.map((user) => [user.threadId, user.username])).toEqual([
      ['300', 'spam'],
      ['100', 'spam'],
      ['200', 'spam'],
    ]);
    // Filtered by thread, the entry shows only what happened there.
    expect(audit.list({ threadId: '200' }, 10).entries).toMatchObject([
      { threadId: '200', threads: 1, calls: 1, outcomes: { removed: 1 } },
    ]);
  });

  it('keeps operations of different actors apart even when they reuse an operation id', () => {
    const audit = store();
    audit.append(call({ operationId: 'same' }));
    audit.append(call({ operationId: 'same', actor: 'mallory' }));
    expect(audit.list({}, 10).entries.map((entry) => entry.actor)).toEqual(['mallory', 'ann']);
  });

  it('pages with a cursor until the end', () => {
    const audit = store();
    for (let i = 0; i < 5; i += 1) audit.append(call({ threadId: String(i) }));
    const first = audit.list({}, 2);
    const second = audit.list({}, 2, first.nextCursor ?? undefined);
    const third = audit.list({}, 2, second.nextCursor ?? undefined);
    expect([first, second, third].flatMap((page) => page.entries.map((entry) => entry.threadId))).toEqual([
      '4',
      '3',
      '2',
      '1',
      '0',
    ]);
    expect(third.nextCursor).toBeNull();
  });

  it('filters by thread, username (in any case), actor and time range', () => {
    const audit = store();
    audit.append(
      call({ threadId: '1', outcomes: [{ username: 'Spammer', outcome: 'removed' }], action: 'remove' }),
    );
    audit.append(call({ threadId: '2', actor: 'Zoe', time: now + DAY }));
    audit.append(call({ threadId: '3', time: now + 2 * DAY }));
    const threads = (filter: Parameters<AuditStore['list']>[0]) =>
      audit.list(filter, 10).entries.map((entry) => entry.threadId);
    expect(threads({ threadId: '2' })).toEqual(['2']);
    expect(threads({ username: 'spammer' })).toEqual(['1']);
    expect(threads({ actor: 'zoe' })).toEqual(['2']);
    expect(threads({ from: now + DAY, to: now + DAY })).toEqual(['2']);
    expect(threads({ from: now + DAY })).toEqual(['3', '2']);
    expect(threads({ username: 'nobody' })).toEqual([]);
  });

  it('deletes only what is older than the retention', () => {
    const audit = store(30);
    audit.append(call({ time: now - 31 * DAY, threadId: 'old' }));
    audit.append(call({ time: now - 29 * DAY, threadId: 'recent' }));
    expect(audit.prune()).toBe(1);
    expect(audit.list({}, 10).entries.map((entry) => entry.threadId)).toEqual(['recent']);
    now += 2 * DAY;
    expect(audit.prune()).toBe(1);
    expect(audit.list({}, 10).entries).toEqual([]);
  });

  it('refuses to change a recorded call', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'tma-audit-'));
    const file = path.join(folder, 'audit.sqlite');
    const audit = openAuditStore(file, { retentionDays: 30 });
    audit.append(call());
    const db = new Database(file);
    try {
      expect(() => db.exec("UPDATE audit_calls SET actor = 'someone else'")).toThrow(/append-only/);
      expect(() => db.exec("UPDATE audit_outcomes SET outcome = 'removed'")).toThrow(/append-only/);
    } finally {
      db.close();
      audit.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
