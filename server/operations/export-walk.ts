// An export as the server runs it: walks a thread's member pages of 50 through the governor (its own lane on
// the member list's budget), writes each page and where the walk stands together, so that after a restart it
// goes on from the last cursor, and checks the finished file against the thread's member count, walking again
// when members may have been skipped (export-check.ts). Reads are not audited: the audit log holds changes.
import type { AuditStore } from '../audit-store.ts';
import { ChatCallError, PAGE_SIZE, type ChatCalls } from './chat-calls.ts';
import { countMismatchNote, judgePass, MAX_PASSES } from './export-check.ts';
import { knownMemberChanges } from './known-member-changes.ts';
import { exportLabel } from './operation-label.ts';
import type { ExportFormat, ExportWalk, OperationRecord, OperationStore } from './operation-store.ts';

export interface ExportRun {
  record: OperationRecord;
  calls: ChatCalls;
  store: OperationStore;
  audit: AuditStore;
  now: () => number;
  /** Writes a change to the record and streams the operation's summary. */
  update: (change: Partial<OperationRecord>) => void;
  /** The server is shutting down: stop, leaving the export to resume at the next start. */
  closing: () => boolean;
  /** Aborted by Cancel, and by the server's shutdown. */
  signal: AbortSignal;
  /** How often progress is streamed while pages come in. */
  progressEveryMs?: number;
  /** The time each page has taken in this run, on average, told after each page. */
  paced?: (msPerPage: number) => void;
}

export function newExportWalk(format: ExportFormat, now: number): ExportWalk {
  return {
    format,
    pass: 1,
    cursor: null,
    ended: false,
    done: false,
    pages: 0,
    walked: 0,
    passStartedAt: now,
    countAtPassStart: null,
    members: 0,
    threadCount: null,
    note: null,
  };
}

class Stop extends Error {}

export async function runExport(run: ExportRun): Promise<void> {
  const { record, calls, store, now, update, signal } = run;
  const threadId = record.threadId ?? '';
  let walk = record.exportWalk ?? newExportWalk('csv', now());
  let callCount = record.calls;
  let published = now();
  const runStartedAt = now();
  let pagesThisRun = 0;
  const progressEveryMs = run.progressEveryMs ?? 250;
  const check = () => {
    if (run.closing() || signal.aborted || record.state === 'cancelling') throw new Stop();
  };
  let named = record.threadNames[threadId] !== undefined;
  const count = async (): Promise<number | null> => {
    callCount += 1;
    const facts = await calls.thread(threadId, signal);
    if (!named) {
      const threadNames = { [threadId]: facts.name };
      update({ threadNames, label: exportLabel({ threadId, threadNames }) });
      named = true;
    }
    return facts.memberCount;
  };

  try {
    check();
    if (record.state === 'planning') update({ state: 'running' });
    // Stopped after the file was written, before the record said so.
    if (walk.done) {
      update({ state: 'finished', runEndedAt: now() });
      return;
    }
    for (;;) {
      if (walk.pages === 0 && walk.countAtPassStart === null) {
        const startedAt = now();
        walk = { ...walk, passStartedAt: startedAt, countAtPassStart: await count() };
        store.recordExportPage(record.id, walk, []);
      }
      const listed = new Set(store.exportList(record.id, 'pass'));
      while (!walk.ended) {
        check();
        callCount += 1;
        const page = await calls.membersPage(threadId, walk.cursor, signal);
        check();
        // Where cursors are offsets, members who join before the cursor would bring others round again.
        const fresh = page.members.filter((name) => !listed.has(name));
        for (const name of fresh) listed.add(name);
        walk = {
          ...walk,
          cursor: page.cursor,
          ended: page.members.length < PAGE_SIZE || page.cursor === null,
          pages: walk.pages + 1,
          walked: walk.walked + fresh.length,
        };
        store.recordExportPage(record.id, walk, fresh);
        pagesThisRun += 1;
        run.paced?.((now() - runStartedAt) / pagesThisRun);
        if (now() - published >= progressEveryMs) {
          published = now();
          update({ calls: callCount });
        }
      }
      check();
      const countAtEnd = await count();
      check();
      const verdict = judgePass({
        previous: store.exportList(record.id, 'file'),
        walked: store.exportList(record.id, 'pass'),
        countAtStart: walk.countAtPassStart,
        countAtEnd,
        sinceExport: knownMemberChanges(run.audit, threadId, record.createdAt),
        removalDuringWalk: knownMemberChanges(run.audit, threadId, walk.passStartedAt).removals,
      });
      const last = verdict.exact || walk.pass >= MAX_PASSES;
      walk = last
        ? {
            ...walk,
            done: true,
            members: verdict.file.length,
            threadCount: countAtEnd,
            note: verdict.exact ? null : mismatchNote(countAtEnd, verdict.file.length),
          }
        : {
            ...newExportWalk(walk.format, now()),
            pass: walk.pass + 1,
            members: verdict.file.length,
            // The count that ended this walk begins the next: two in a row must agree with the file.
            countAtPassStart: countAtEnd,
          };
      store.endExportPass(record.id, walk, verdict.file);
      if (last) {
        update({ state: 'finished', calls: callCount, runEndedAt: now() });
        return;
      }
      update({ calls: callCount });
    }
  } catch (error) {
    if (run.closing()) return;
    // Cancel ends a read at once, even one waiting for its turn or a retry.
    if (error instanceof Stop || signal.aborted) {
      update({ state: 'cancelled', calls: callCount, runEndedAt: now() });
      return;
    }
    if (!(error instanceof ChatCallError)) throw error;
    const reason =
      error.status === 404
        ? `${error.description} (HTTP 404): check the thread ID.`
        : `Reading the members failed: ${error.description} Resume the export to go on from the last page read.`;
    update({ state: 'stopped', stopReason: reason, calls: callCount, runEndedAt: now() });
  }
}

/** Time left in the walk at its pace so far: the pages its count leaves, and the count at its end. */
export function exportEtaMs(walk: ExportWalk | null, msPerPage: number | null): number | null {
  if (walk === null || msPerPage === null || walk.countAtPassStart === null) return null;
  const pagesLeft = Math.ceil(Math.max(0, walk.countAtPassStart - walk.walked) / PAGE_SIZE) + 1;
  return Math.round(pagesLeft * msPerPage);
}

function mismatchNote(threadCount: number | null, members: number): string {
  return threadCount === null
    ? "The thread's member count could not be read, so the file was not checked against it."
    : countMismatchNote(threadCount, members);
}
