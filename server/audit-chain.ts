// The audit log's hash chain: each call's hash covers its content, its per-user outcomes and the hash of the
// call before it, so editing, inserting or deleting a recorded call breaks the chain where it happened.
import { createHash } from 'node:crypto';
import type { Database as SqliteDatabase } from 'better-sqlite3';

/** What the first call ever recorded builds on. */
export const GENESIS_HASH = '0'.repeat(64);

/** A call as stored, with what the hash covers. */
export interface ChainedCall {
  id: number;
  entryId: number | null;
  time: number;
  actor: string;
  role: string;
  threadId: string;
  action: string;
  upstreamStatus: number | null;
  requestId: string;
  operationId: string | null;
  /** Why the server refused the attempt without forwarding it; null for a call it forwarded. */
  refusal: string | null;
  /** In their recorded order. */
  outcomes: readonly { position: number; username: string; outcome: string }[];
}

/**
 * SHA-256 over a JSON array of every stored field in a fixed order: JSON quotes every string the same way
 * whatever it holds, so no two different calls encode alike. The version tag lets a later format coexist.
 */
export function callHash(call: ChainedCall, previousHash: string): string {
  // A forwarded call keeps the first format, so the hashes recorded before refusals were logged still hold.
  const refusal = call.refusal === null ? [] : [call.refusal];
  const canonical = JSON.stringify([
    call.refusal === null ? 'audit-call-v1' : 'audit-refusal-v1',
    call.id,
    call.entryId,
    call.time,
    call.actor,
    call.role,
    call.threadId,
    call.action,
    call.upstreamStatus,
    call.requestId,
    call.operationId,
    ...refusal,
    call.outcomes.map(({ position, username, outcome }) => [position, username, outcome]),
    previousHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** The chain's ends, kept beside the calls so that a call deleted from either end shows too. */
export interface ChainEnds {
  /** The last call the retention deleted (0: none yet), and the hash the oldest kept call builds on. */
  baseId: number;
  baseHash: string;
  /** The newest call recorded (0: none yet) and its hash. */
  headId: number;
  headHash: string;
  /** Calls up to this id were recorded before the log was chained, and were chained as found. */
  upgradedThrough: number;
}

interface StoredCall {
  id: number;
  entry_id: number | null;
  time: number;
  actor: string;
  role: string;
  thread_id: string;
  action: string;
  upstream_status: number | null;
  request_id: string;
  operation_id: string | null;
  refusal: string | null;
  prev_hash: string | null;
  hash: string | null;
}

/** Reads the chain's ends; null when the row is missing (a log from before the chain, or a damaged one). */
export function readChainEnds(db: SqliteDatabase): ChainEnds | null {
  const row = db
    .prepare<
      [],
      { base_id: number; base_hash: string; head_id: number; head_hash: string; upgraded_through: number }
    >('SELECT base_id, base_hash, head_id, head_hash, upgraded_through FROM audit_chain WHERE id = 1')
    .get();
  return row === undefined
    ? null
    : {
        baseId: row.base_id,
        baseHash: row.base_hash,
        headId: row.head_id,
        headHash: row.head_hash,
        upgradedThrough: row.upgraded_through,
      };
}

/** Every stored call in id order, with its outcomes and stored hashes; read one at a time. */
export function* storedCalls(
  db: SqliteDatabase,
): Generator<{ call: ChainedCall; prevHash: string | null; hash: string | null }> {
  const outcomes = db.prepare<[number], { position: number; username: string; outcome: string }>(
    'SELECT position, username, outcome FROM audit_outcomes WHERE call_id = ? ORDER BY position',
  );
  // A second statement cannot run while an iterator holds the connection, so calls are read in pages.
  const page = db.prepare<[number], StoredCall>(
    `SELECT id, entry_id, time, actor, role, thread_id, action, upstream_status, request_id, operation_id,
       refusal, prev_hash, hash FROM audit_calls WHERE id > ? ORDER BY id LIMIT 500`,
  );
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const rows = page.all(after);
    if (rows.length === 0) return;
    for (const row of rows) {
      yield {
        call: {
          id: row.id,
          entryId: row.entry_id,
          time: row.time,
          actor: row.actor,
          role: row.role,
          threadId: row.thread_id,
          action: row.action,
          upstreamStatus: row.upstream_status,
          requestId: row.request_id,
          operationId: row.operation_id,
          refusal: row.refusal,
          outcomes: outcomes.all(row.id),
        },
        prevHash: row.prev_hash,
        hash: row.hash,
      };
      after = row.id;
    }
  }
}

export interface ChainReport {
  calls: number;
  /** The newest call and its hash: worth noting elsewhere, as someone able to rewrite the whole file could
   * recompute every hash. */
  head: { id: number; hash: string } | null;
  upgradedThrough: number;
  /** Where the chain breaks, oldest first; empty when the log is intact. */
  problems: string[];
}

/** At most this many problems are listed: past the first few, the rest of a rewritten log says little. */
const MAX_PROBLEMS = 20;

/** Checks every call against its hash and the one before it, and the chain's ends against the calls. */
export function verifyChain(db: SqliteDatabase): ChainReport {
  const problems: string[] = [];
  const ends = readChainEnds(db);
  if (ends === null) {
    return {
      calls: 0,
      head: null,
      upgradedThrough: 0,
      problems: ['The chain record (table audit_chain) is missing: the log was not written by this server.'],
    };
  }
  let calls = 0;
  let previous: { id: number; hash: string } | null = null;
  for (const { call, prevHash, hash } of storedCalls(db)) {
    calls += 1;
    const expectedPrevious = previous?.hash ?? ends.baseHash;
    if (hash === null || prevHash === null) {
      problems.push(`Call ${call.id} has no hash: it was inserted outside the server.`);
    } else {
      if (prevHash !== expectedPrevious) {
        problems.push(
          previous === null
            ? `Call ${call.id}, the oldest kept, does not follow the last call the retention deleted (call ${ends.baseId}): calls before it were deleted or inserted.`
            : `The chain breaks between call ${previous.id} and call ${call.id}: a call between them was deleted or inserted, or call ${previous.id} was changed.`,
        );
      }
      if (callHash(call, prevHash) !== hash) {
        problems.push(
          `Call ${call.id} was changed after it was recorded: its content no longer matches its hash.`,
        );
      }
    }
    previous = { id: call.id, hash: hash ?? '' };
    if (problems.length >= MAX_PROBLEMS) break;
  }
  if (problems.length < MAX_PROBLEMS) {
    if (previous === null && ends.headHash !== ends.baseHash) {
      problems.push(`The log holds no calls, but call ${ends.headId} was recorded: calls were deleted.`);
    } else if (previous !== null && (previous.id !== ends.headId || previous.hash !== ends.headHash)) {
      problems.push(
        previous.id < ends.headId
          ? `The log ends at call ${previous.id}, but calls up to ${ends.headId} were recorded: the newest were deleted.`
          : `The log ends at call ${previous.id}, but the newest call the server recorded is ${ends.headId}: calls were added or changed at the end.`,
      );
    }
    const orphans = db
      .prepare<[], { call_id: number }>(
        'SELECT DISTINCT call_id FROM audit_outcomes WHERE call_id NOT IN (SELECT id FROM audit_calls) LIMIT 5',
      )
      .all();
    for (const { call_id } of orphans) {
      problems.push(`User outcomes of call ${call_id} remain, but the call itself was deleted.`);
    }
  }
  return {
    calls,
    head: previous === null ? null : { id: previous.id, hash: previous.hash },
    upgradedThrough: ends.upgradedThrough,
    problems,
  };
}
