// Runs bulk operations on the server: plans them (who is a member already), drives the bulk engine under the
// shared governor, records each call before it leaves and each outcome as it settles, streams progress, and
// picks up after a restart whatever was left unfinished.
import { randomUUID } from 'node:crypto';
import { BulkOperation } from '../../src/lib/bulk/bulk-operation.ts';
import { type OutcomeCounts, type OutcomeStatus, type UserOutcome } from '../../src/lib/bulk/outcomes.ts';
import type { BulkSnapshot } from '../../src/lib/bulk/progress.ts';
import { auditedCall } from '../audit-record.ts';
import { AuditWriteFailed } from '../audit-write-failed.ts';
import type { AuditStore } from '../audit-store.ts';
import type { ChatProxyHandler, MemberChangeListener } from '../chat-proxy.ts';
import type { Identity } from '../identity.ts';
import type { Logger } from '../logger.ts';
import type { CallGovernor } from './call-governor.ts';
import { ChatCallError, chatCalls, type ChatCalls } from './chat-calls.ts';
import { notAddedToThread, threadsNotJoined } from './added-check.ts';
import { membersAmong, type CheckProgress, type WalkCheck } from './members-before.ts';
import { knownMemberChanges } from './known-member-changes.ts';
import type { OperationEvents } from './operation-events.ts';
import { exportEtaMs, newExportWalk, runExport } from './export-walk.ts';
import { labelOf } from './operation-label.ts';
import { engineFor } from './operation-engine.ts';
import type {
  ChangeKind,
  ExportFormat,
  InvalidEntry,
  ItemKey,
  OperationRecord,
  OperationStore,
  SettledItem,
} from './operation-store.ts';
import { UNFINISHED_STATES } from './operation-store.ts';

export type OperationRequest =
  | { kind: ChangeKind; scope: 'thread'; threadId: string; usernames: string[]; invalid: InvalidEntry[] }
  | { kind: ChangeKind; scope: 'user-threads'; username: string; threads: { id: string; name: string }[] }
  | { kind: 'export'; scope: 'thread'; threadId: string; format: ExportFormat };

export interface OperationRunnerOptions {
  store: OperationStore;
  governor: CallGovernor;
  /** The proxy the browser's calls go through: allow-list, app token, renewal, time limit. */
  forward: ChatProxyHandler;
  audit: AuditStore;
  events: OperationEvents;
  logger: Logger;
  now?: () => number;
  /** Calls one operation may have in flight: enough for the budget at 12 s answers (100/s × 12 s). */
  maxInFlight?: number;
  /** How often progress is streamed while an operation runs. */
  progressEveryMs?: number;
}

/** Refused before anything happens: the message says what to do. */
export class OperationRefused extends Error {
  constructor(
    readonly status: 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

export const unknownOperation = (id: string) =>
  new OperationRefused(
    404,
    `No operation ${id} is recorded on this dashboard server. Changes made before operations ran on the ` +
      'server (older Activity entries) have no operation record to open.',
  );

interface LiveRun {
  engine: BulkOperation | null;
  planning: AbortController;
  counts: OutcomeCounts;
  settled: SettledItem[];
  flushTimer: ReturnType<typeof setTimeout> | null;
  /** An export's average time per page in this run. */
  msPerExportPage: number | null;
  /** How far an add has come in learning who is a member already, while it does. */
  checking: CheckProgress | null;
}

/** Why a user the add answered "ok" for is not a member afterwards. */
export const NOT_ADDED =
  'Not added: the Chat API answered "ok" but this user is not a member afterwards (the host skips users ' +
  "outside the thread's group).";

/** What a change did to an item, by the operation's kind. */
const CHANGED: Record<ChangeKind, OutcomeStatus> = { add: 'added', remove: 'removed' };

const opposite = (kind: ChangeKind): ChangeKind => (kind === 'add' ? 'remove' : 'add');

function describeFailure(error: unknown): string {
  if (error instanceof ChatCallError) {
    return error.status === 404 ? `${error.description} (HTTP 404): check the thread ID.` : error.description;
  }
  return error instanceof Error ? error.message : String(error);
}

export class OperationRunner {
  private readonly store: OperationStore;
  private readonly governor: CallGovernor;
  private readonly forward: ChatProxyHandler;
  private readonly audit: AuditStore;
  private readonly events: OperationEvents;
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly maxInFlight: number;
  private readonly progressEveryMs: number;
  private readonly live = new Map<string, LiveRun>();
  private readonly running = new Set<Promise<void>>();
  private closing = false;

  constructor(options: OperationRunnerOptions) {
    this.store = options.store;
    this.governor = options.governor;
    this.forward = options.forward;
    this.audit = options.audit;
    this.events = options.events;
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
    this.maxInFlight = options.maxInFlight ?? 2_000;
    this.progressEveryMs = options.progressEveryMs ?? 250;
  }

  /** Records the operation and starts it; it runs on whether or not anyone watches. */
  start(request: OperationRequest, actor: Identity, undoOf: OperationRecord | null = null): OperationRecord {
    const id = randomUUID();
    const items: ItemKey[] =
      request.kind === 'export'
        ? []
        : request.scope === 'thread'
          ? request.usernames.map((username) => ({ threadId: request.threadId, username }))
          : request.threads.map((thread) => ({ threadId: thread.id, username: request.username }));
    const record: OperationRecord = {
      id,
      kind: request.kind,
      scope: request.scope,
      threadId: request.scope === 'thread' ? request.threadId : null,
      username: request.scope === 'user-threads' ? request.username : null,
      threadNames:
        request.scope === 'user-threads'
          ? Object.fromEntries(request.threads.map((t) => [t.id, t.name]))
          : {},
      label: '',
      actor: actor.name,
      role: actor.role,
      createdAt: this.now(),
      state: 'planning',
      run: 1,
      stopReason: null,
      undoOf: undoOf?.id ?? null,
      undoneBy: null,
      leftAlone: [],
      invalid: request.kind !== 'export' && request.scope === 'thread' ? request.invalid : [],
      runStartedAt: this.now(),
      runEndedAt: null,
      calls: 0,
      rateLimited: 0,
      retries: 0,
      exportWalk: request.kind === 'export' ? newExportWalk(request.format, this.now()) : null,
    };
    record.label = labelOf(
      record,
      items.map((item) => item.username),
    );
    this.store.create(record, items);
    this.execute(record);
    return record;
  }

  cancel(id: string): OperationRecord {
    const record = this.existing(id);
    const live = this.live.get(id);
    if (live === undefined || !UNFINISHED_STATES.includes(record.state)) {
      throw new OperationRefused(409, 'This operation is not running, so there is nothing to cancel.');
    }
    live.planning.abort();
    live.engine?.cancel();
    this.update(id, { state: 'cancelling' });
    return this.existing(id);
  }

  /**
   * Another run for the failed users, and those never sent when the operation stopped or was cancelled; an
   * export that stopped or was cancelled goes on from the last page it read.
   */
  retry(id: string): OperationRecord {
    const record = this.existing(id);
    if (UNFINISHED_STATES.includes(record.state)) {
      throw new OperationRefused(409, 'This operation is still running; wait for it to end, then retry.');
    }
    if (record.kind === 'export') {
      if (record.state === 'finished') {
        throw new OperationRefused(409, 'This export has finished: download its file, or export again.');
      }
      return this.rerun(record, 'running');
    }
    if (record.undoneBy !== null) {
      throw new OperationRefused(409, 'This operation was undone: sending more would work against the undo.');
    }
    const statuses: OutcomeStatus[] = record.state === 'finished' ? ['failed'] : ['failed', 'not-sent'];
    const again = this.store.items(id).filter((item) => statuses.includes(item.status));
    if (again.length === 0)
      throw new OperationRefused(409, 'No user of this operation failed or was left unsent.');
    this.store.reopen(id, again);
    // Users never sent may have joined meanwhile: an add learns who is a member before sending them, as at
    // its start. Failed users may have been added by the failed call, so they are not asked about.
    const recheck =
      record.kind === 'add' && record.scope === 'thread'
        ? new Set(again.filter((item) => item.status === 'not-sent').map(keyOf))
        : new Set<string>();
    return this.rerun(record, recheck.size > 0 ? 'planning' : 'running', recheck);
  }

  private rerun(
    record: OperationRecord,
    state: 'planning' | 'running',
    recheck?: ReadonlySet<string>,
  ): OperationRecord {
    this.update(record.id, {
      state,
      run: record.run + 1,
      stopReason: null,
      runStartedAt: this.now(),
      runEndedAt: null,
    });
    const again = this.existing(record.id);
    this.execute(again, recheck);
    return again;
  }

  /**
   * Reverses exactly what the operation changed, as an operation of its own; a user whom a later operation
   * changed again is named and left alone.
   */
  undo(id: string, actor: Identity): OperationRecord {
    const record = this.existing(id);
    if (UNFINISHED_STATES.includes(record.state)) {
      throw new OperationRefused(409, 'This operation is still running; cancel it or wait for it to end.');
    }
    if (record.undoOf !== null) throw new OperationRefused(409, 'An undo cannot itself be undone.');
    if (record.kind === 'export') throw new OperationRefused(409, 'An export changed nothing to undo.');
    if (record.undoneBy !== null) throw new OperationRefused(409, 'This operation was undone already.');
    const changedStatus = CHANGED[record.kind];
    const changed = this.store.items(id).filter((item) => item.status === changedStatus);
    if (changed.length === 0)
      throw new OperationRefused(409, 'This operation changed nobody, so there is nothing to undo.');
    const later = this.store.changedLater(changed, record.createdAt, [id]);
    // A removal inferred from a lost answer may have met a user who was never a member: adding them "back"
    // would add a stranger, so they are left as they are too.
    const leftAloneKeys = new Set([...later, ...changed.filter((item) => item.inferred)].map(keyOf));
    const reverse = changed.filter((item) => !leftAloneKeys.has(keyOf(item)));
    if (reverse.length === 0) {
      throw new OperationRefused(
        409,
        'Nothing was undone: every user this operation changed was changed again by a later operation, or ' +
          'was removed by a call whose answer was lost.',
      );
    }
    const kind = opposite(record.kind);
    const request: OperationRequest =
      record.scope === 'thread'
        ? {
            kind,
            scope: 'thread',
            threadId: record.threadId ?? '',
            usernames: reverse.map((i) => i.username),
            invalid: [],
          }
        : {
            kind,
            scope: 'user-threads',
            username: record.username ?? '',
            threads: reverse.map((i) => ({ id: i.threadId, name: record.threadNames[i.threadId] ?? '' })),
          };
    const undo = this.start(request, actor, record);
    const leftAlone = changed
      .filter((item) => leftAloneKeys.has(keyOf(item)))
      .map((item) => (record.scope === 'thread' ? item.username : item.threadId));
    this.store.update(undo.id, { leftAlone });
    this.update(id, { undoneBy: undo.id });
    return this.existing(undo.id);
  }

  /** Called once at start-up: unfinished operations carry on where the last process left them. */
  resumeUnfinished(): number {
    const unfinished = this.store.unfinished();
    for (const record of unfinished) {
      this.logger.log('info', 'resuming an operation', { operationId: record.id, state: record.state });
      this.execute(record);
    }
    return unfinished.length;
  }

  get(id: string): OperationRecord | null {
    return this.store.get(id);
  }

  recent(limit: number): OperationRecord[] {
    return this.store.recent(limit);
  }

  /** The numbers a dashboard shows: from the running engine when there is one, else from the store. */
  progress(record: OperationRecord) {
    const live = this.live.get(record.id);
    const snapshot = live?.engine?.getSnapshot() ?? null;
    const counts = live?.counts ?? this.store.counts(record.id);
    return {
      counts,
      total: Object.values(counts).reduce((sum, n) => sum + n, 0),
      calls: record.calls + (snapshot?.calls ?? 0),
      rateLimited: record.rateLimited + (snapshot?.rateLimited ?? 0),
      retries: record.retries + (snapshot?.retries ?? 0),
      currentRate: snapshot !== null && live !== undefined ? snapshot.currentRate : 0,
      elapsedMs: record.runStartedAt === null ? 0 : (record.runEndedAt ?? this.now()) - record.runStartedAt,
      etaMs:
        record.kind === 'export'
          ? exportEtaMs(record.exportWalk, live?.msPerExportPage ?? null)
          : (snapshot?.etaMs ?? null),
      checking: record.state === 'planning' ? (live?.checking ?? null) : null,
    };
  }

  /**
   * An operation as the dashboard lists it and the stream sends it, often: the invalid entries (up to 100,000)
   * only counted. They come with the operation's items.
   */
  summary(record: OperationRecord): OperationSummary {
    const { invalid, ...rest } = record;
    return { ...rest, invalidCount: invalid.length, ...this.progress(record) };
  }

  /** Each item's outcome, in the order given: `[thread, user, status, reason, inferred]`. */
  items(id: string): [string, string, OutcomeStatus, string | null, boolean][] {
    return this.store
      .items(id)
      .map((item) => [item.threadId, item.username, item.status, item.reason, item.inferred]);
  }

  /** A finished export's members, in join order. */
  exportedMembers(id: string): string[] {
    return this.store.exportList(id, 'file');
  }

  /** Stops sending without ending anything: what was unfinished resumes at the next start. */
  async close(): Promise<void> {
    this.closing = true;
    for (const live of this.live.values()) {
      live.planning.abort();
      live.engine?.cancel();
    }
    await Promise.allSettled([...this.running]);
    // The governor serves the proxy too, but lives exactly as long as the operations: both end here.
    this.governor.close();
  }

  private existing(id: string): OperationRecord {
    const record = this.store.get(id);
    if (record === null) throw unknownOperation(id);
    return record;
  }

  private update(id: string, change: Partial<OperationRecord>): void {
    if (this.closing) return;
    this.store.update(id, change);
    this.flush(id);
  }

  /** `recheck`: the items whose membership planning asks about (all pending ones when not given). */
  private execute(record: OperationRecord, recheck?: ReadonlySet<string>): void {
    const live: LiveRun = {
      engine: null,
      planning: new AbortController(),
      counts: this.store.counts(record.id),
      settled: [],
      flushTimer: null,
      msPerExportPage: null,
      checking: null,
    };
    this.live.set(record.id, live);
    const run = this.runToEnd(record, live, recheck)
      .catch((error: unknown) => {
        this.logger.log('error', 'operation failed', {
          operationId: record.id,
          errorName: error instanceof Error ? error.name : 'unknown',
        });
        // Not left "running" for good: Retry sends what is left.
        if (!this.closing) {
          live.engine = null;
          this.update(record.id, {
            state: 'stopped',
            stopReason: `The dashboard server failed while running this operation; see its log. ${
              record.kind === 'export'
                ? 'Resume the export to go on from the last page read.'
                : 'Retry sends the rest.'
            }`,
            runEndedAt: this.now(),
          });
        }
      })
      .finally(() => {
        this.running.delete(run);
        if (live.flushTimer !== null) clearTimeout(live.flushTimer);
        this.flush(record.id);
        this.live.delete(record.id);
      });
    this.running.add(run);
    this.flush(record.id);
  }

  private async runToEnd(
    record: OperationRecord,
    live: LiveRun,
    recheck: ReadonlySet<string> | undefined,
  ): Promise<void> {
    const { id } = record;
    const calls = chatCalls(
      this.forward,
      (endpoint) => this.governor.lane(endpoint, id),
      this.recordChange(record),
    );
    if (record.kind === 'export') {
      const update = (change: Partial<OperationRecord>) => this.update(id, change);
      const closing = () => this.closing;
      const { store, audit, now } = this;
      const paced = (msPerPage: number) => (live.msPerExportPage = msPerPage);
      const signal = live.planning.signal;
      await runExport({ record, calls, store, audit, now, update, closing, signal, paced });
      return;
    }
    let countBefore: number | null | undefined;
    if (record.state === 'planning') {
      try {
        countBefore = await this.plan(record, calls, live, recheck);
      } catch (error) {
        if (this.closing) return;
        const cancelled = live.planning.signal.aborted;
        const reason = cancelled ? null : `Could not begin: ${describeFailure(error)}`;
        this.settle(
          record,
          live,
          this.pendingItems(id).map((item) => ({ ...item, status: 'not-sent', reason })),
        );
        this.update(id, {
          state: cancelled ? 'cancelled' : 'stopped',
          stopReason: reason,
          runEndedAt: this.now(),
        });
        return;
      }
      if (this.closing) return;
      if (live.planning.signal.aborted) {
        this.settle(
          record,
          live,
          this.pendingItems(id).map((item) => ({ ...item, status: 'not-sent', reason: null })),
        );
        this.update(id, { state: 'cancelled', runEndedAt: this.now() });
        return;
      }
      this.update(id, { state: 'running' });
    }

    const current = this.existing(id);
    let items = this.pendingItems(id);
    if (current.state === 'cancelling') {
      // Cancelled before a restart: only the calls that were in flight go out again, to learn their outcome.
      this.settle(
        record,
        live,
        items.filter((item) => !item.inFlight).map((item) => ({ ...item, status: 'not-sent', reason: null })),
      );
      items = items.filter((item) => item.inFlight);
    }
    const engine = engineFor(current, items, {
      store: this.store,
      governor: this.governor,
      calls,
      maxInFlight: this.maxInFlight,
    });
    live.engine = engine;
    engine.subscribe(() => this.flushSoon(id, live));
    engine.onBatchSettled((event) => {
      this.settle(
        record,
        live,
        event.results.map(({ username: item, outcome }) => ({
          ...this.keyFor(record, item),
          ...settledAs(outcome),
        })),
      );
    });
    // Read now only when planning did not (a run resumed after a restart, a retry of failed users).
    if (current.kind === 'add' && current.scope === 'thread' && countBefore === undefined)
      countBefore = await this.memberCount(calls, current.threadId ?? '');
    const snapshot = await engine.start();
    if (this.closing) return;
    if (current.kind === 'add') await this.checkAdded(current, calls, live, snapshot, countBefore);
    if (current.state === 'cancelling' && snapshot.state === 'finished')
      this.endRun(id, snapshot, 'cancelled');
    else
      this.endRun(
        id,
        snapshot,
        snapshot.state === 'stopped' ? 'stopped' : snapshot.state === 'cancelled' ? 'cancelled' : 'finished',
      );
  }

  private endRun(id: string, snapshot: BulkSnapshot, state: OperationRecord['state']): void {
    const record = this.existing(id);
    // The engine's figures go into the record: counted there, they are no longer added live.
    const live = this.live.get(id);
    if (live !== undefined) live.engine = null;
    this.update(id, {
      state,
      stopReason: snapshot.stopReason,
      runEndedAt: this.now(),
      calls: record.calls + snapshot.calls,
      rateLimited: record.rateLimited + snapshot.rateLimited,
      retries: record.retries + snapshot.retries,
    });
  }

  /**
   * The thread's name for the label, and for an add, who of the users is a member already and the thread's
   * member count before anything was sent (for the check afterwards). A removal does not wait for the name:
   * its first calls go out at once, and a thread that is not there stops it at their answer.
   */
  private async plan(
    record: OperationRecord,
    calls: ChatCalls,
    live: LiveRun,
    recheck: ReadonlySet<string> | undefined,
  ): Promise<number | null | undefined> {
    if (record.scope !== 'thread' || record.threadId === null) return undefined;
    const threadId = record.threadId;
    const items = this.store.items(record.id);
    const pending = items.filter(
      (item) => item.status === 'pending' && (recheck === undefined || recheck.has(keyOf(item))),
    );
    const asking = record.kind === 'add' && pending.length > 0;
    // Asked together: the first page holds the whole list of most threads.
    const { signal } = live.planning;
    const askedAt = this.now();
    const firstPage = asking ? { askedAt, page: calls.membersPage(threadId, null, signal) } : undefined;
    const details = calls.thread(threadId, asking ? signal : undefined).then((facts) => {
      const named = { ...this.existing(record.id), threadNames: { [threadId]: facts.name } };
      this.update(record.id, {
        threadNames: named.threadNames,
        label: labelOf(
          named,
          items.map((item) => item.username),
        ),
      });
      return facts;
    });
    if (!asking) {
      details.catch((error: unknown) => this.logNameUnread(record, error));
      return undefined;
    }
    firstPage?.page.catch(() => undefined);
    const facts = await details;
    // The details' wait is the API's pace for this thread now, slot included.
    const pace = { latencyMs: this.now() - askedAt, callsPerSecond: this.governor.callsPerSecond };
    const members = await membersAmong(
      calls,
      threadId,
      facts.memberCount,
      pending.map((item) => item.username),
      {
        signal,
        check: this.walkCheck(threadId),
        firstPage,
        pace,
        onProgress: (progress) => {
          live.checking = progress;
          this.flushSoon(record.id, live);
        },
      },
    );
    this.settle(
      record,
      live,
      pending
        .filter((item) => members.has(item.username))
        .map((item) => ({ ...item, status: 'already-a-member' })),
    );
    return facts.memberCount;
  }

  private logNameUnread(record: OperationRecord, error: unknown): void {
    this.logger.log('warn', "could not read the thread's name for an operation's label", {
      operationId: record.id,
      errorName: error instanceof Error ? error.name : 'unknown',
    });
  }

  /** Reports not added whoever a host answered "ok" for but skipped (see added-check.ts). */
  private async checkAdded(
    record: OperationRecord,
    calls: ChatCalls,
    live: LiveRun,
    snapshot: BulkSnapshot,
    countBefore: number | null | undefined,
  ): Promise<void> {
    const added = [...snapshot.outcomes].flatMap(([item, outcome]) =>
      outcome.status === 'added' ? [item] : [],
    );
    if (added.length === 0) return;
    let notAdded: string[];
    try {
      notAdded =
        record.scope === 'thread'
          ? await notAddedToThread(calls, record.threadId ?? '', added, {
              countBefore,
              joined: added.length + snapshot.counts['already-a-member'],
              check: this.walkCheck(record.threadId ?? ''),
            })
          : await threadsNotJoined(calls, record.username ?? '', added);
    } catch (error) {
      this.logger.log('warn', 'could not check who an add added', {
        operationId: record.id,
        errorName: error instanceof Error ? error.name : 'unknown',
      });
      return;
    }
    if (notAdded.length === 0 || this.closing) return;
    const items: SettledItem[] = notAdded.map((item) => ({
      ...this.keyFor(record, item),
      status: 'refused',
      reason: NOT_ADDED,
      inferred: false,
    }));
    this.store.settle(record.id, items);
    live.counts.added -= items.length;
    live.counts.refused += items.length;
    live.settled.push(...items);
    this.flushSoon(record.id, live);
  }

  /** Whether a walk over a thread's member list may have skipped members (see members-before.ts). */
  private walkCheck(threadId: string): WalkCheck {
    return {
      now: this.now,
      removalSince: (time) => knownMemberChanges(this.audit, threadId, time).removals,
    };
  }

  /** The thread's member count, or null when it cannot be read (the check after the add then reads more). */
  private async memberCount(calls: ChatCalls, threadId: string): Promise<number | null> {
    try {
      return (await calls.thread(threadId)).memberCount;
    } catch {
      return null;
    }
  }

  private pendingItems(id: string) {
    return this.store.items(id).filter((item) => item.status === 'pending');
  }

  private keyFor(record: OperationRecord, item: string): ItemKey {
    return record.scope === 'thread'
      ? { threadId: record.threadId ?? '', username: item }
      : { threadId: item, username: record.username ?? '' };
  }

  private settle(record: OperationRecord, live: LiveRun, items: SettledItem[]): void {
    if (items.length === 0 || this.closing) return;
    this.store.settle(record.id, items);
    for (const item of items) {
      live.counts.pending -= 1;
      live.counts[item.status] += 1;
    }
    live.settled.push(...items);
    this.flushSoon(record.id, live);
  }

  /** Audits each change call as the proxy does the browser's, with the operation's id and who started it. */
  private recordChange(record: OperationRecord): MemberChangeListener {
    return (change) => {
      try {
        this.audit.append(
          auditedCall(change, {
            time: this.now(),
            actor: record.actor,
            role: record.role,
            requestId: `operation-${record.id}`,
            operationId: record.id,
          }),
        );
      } catch (error) {
        throw new AuditWriteFailed(change.upstream?.status ?? null, error);
      }
    };
  }

  private flushSoon(id: string, live: LiveRun): void {
    live.flushTimer ??= setTimeout(() => {
      live.flushTimer = null;
      this.flush(id);
    }, this.progressEveryMs);
  }

  /** Streams the operation's summary and the items settled since the last time. */
  private flush(id: string): void {
    const record = this.store.get(id);
    if (record === null) return;
    const live = this.live.get(id);
    if (live !== undefined && live.settled.length > 0) {
      const items = live.settled.splice(0);
      this.events.publish('settled', {
        id,
        kind: record.kind,
        items: items.map((item) => [item.threadId, item.username, item.status, item.reason ?? null]),
      });
    }
    this.events.publish('operation', this.summary(record));
  }
}

function keyOf(item: ItemKey): string {
  return `${item.threadId}\u0000${item.username}`;
}

function settledAs(outcome: UserOutcome): Pick<SettledItem, 'status' | 'reason' | 'inferred'> {
  return {
    status: outcome.status,
    reason: 'reason' in outcome ? (outcome.reason ?? null) : null,
    inferred: 'inferred' in outcome && outcome.inferred === true,
  };
}

export type OperationSummary = Omit<OperationRecord, 'invalid'> & {
  invalidCount: number;
} & ReturnType<OperationRunner['progress']>;
