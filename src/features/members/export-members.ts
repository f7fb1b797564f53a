// Walks every page of a thread's members for an export, within the list endpoint's call budget, resumable
// after a failure and cancellable at any point.
import { ApiError } from '../../api/api-error.ts';
import type { MemberPage } from '../../api/thread-members.ts';
import type { Pacer } from '../../lib/bulk/pacer.ts';
import { cursorAfter } from './member-pages.ts';

/** The API's largest page: the fewer calls, the sooner a large thread is done. */
export const EXPORT_PAGE_SIZE = 50;

export interface ExportProgress {
  /** Members fetched so far, in join order. */
  readonly members: number;
  readonly pages: number;
  /** Calls this export made (each page is one; the fetch layer's own retries of a page are not counted). */
  readonly calls: number;
  /** Calls the whole walk takes, from the thread's member count; null when the count is not known. */
  readonly estimatedCalls: number | null;
}

/** Where a walk got to: handed back to `exportMembers` to go on from there after a failure. */
export interface ExportCheckpoint {
  readonly usernames: readonly string[];
  /** The thread's member count when the walk began. */
  readonly countBefore: number | null;
  readonly cursor: string;
  readonly pages: number;
  readonly calls: number;
}

export type ExportOutcome =
  | {
      readonly state: 'finished';
      readonly usernames: readonly string[];
      readonly progress: ExportProgress;
      /**
       * The thread's member count asked for after the walk; null when unknown. When it differs from the
       * export's, members joined or left during the walk, and with offset cursors some may be missing.
       */
      readonly threadCount: number | null;
      /**
       * The count changed between the start and the end of the walk. With offset cursors, members who leave
       * from pages already walked make later ones skip as many, and the counts at the end then agree.
       */
      readonly changedDuringWalk: boolean;
    }
  /** Cancelled: what was fetched is not offered, since it is not the whole list. */
  | { readonly state: 'cancelled'; readonly progress: ExportProgress }
  | {
      readonly state: 'failed';
      readonly error: ApiError;
      readonly progress: ExportProgress;
      readonly resumeFrom: ExportCheckpoint;
    };

/**
 * One page of the thread's members (endpoint 1, `fetchMemberPage` bound to the API client and the thread).
 * Handed in rather than imported, so that the export's lazily loaded chunk shares no module with the members
 * page's first bundle: each shared module costs that bundle a chunk of its own.
 */
export type FetchMemberPage = (
  request: { limit: number; cursor: string },
  signal?: AbortSignal,
) => Promise<MemberPage>;

/** The thread's member count now (endpoint 10), to check a finished walk against. */
export type FetchMemberCount = (signal?: AbortSignal) => Promise<number>;

export interface ExportMembersOptions {
  /** The thread's member count, when its details gave one: for the estimate only, never to stop early. */
  totalMembers?: number | undefined;
  pacer: Pacer;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  /** Go on from a failed walk rather than from the first page. */
  resumeFrom?: ExportCheckpoint;
  fetchMemberCount?: FetchMemberCount;
}

/** Null when the count cannot be had: the export stands, unchecked. */
async function countNow(fetchMemberCount: FetchMemberCount | undefined, signal?: AbortSignal) {
  if (fetchMemberCount === undefined) return null;
  try {
    return await fetchMemberCount(signal);
  } catch {
    return null;
  }
}

/**
 * Calls a walk of `totalMembers` takes with pages of `pageSize`: one per full page, plus the short (or empty)
 * page that ends the list, as `cursorAfter` reads the end.
 */
export function estimateCalls(totalMembers: number, pageSize = EXPORT_PAGE_SIZE): number {
  return Math.floor(totalMembers / pageSize) + 1;
}

export async function exportMembers(
  fetchPage: FetchMemberPage,
  { totalMembers, pacer, signal, onProgress, resumeFrom, fetchMemberCount }: ExportMembersOptions,
): Promise<ExportOutcome> {
  const usernames = [...(resumeFrom?.usernames ?? [])];
  // Where cursors are offsets, members who join before the cursor push others onto the next page again.
  const listed = new Set(usernames);
  let cursor = resumeFrom?.cursor ?? '';
  let pages = resumeFrom?.pages ?? 0;
  let calls = resumeFrom?.calls ?? 0;
  const estimatedCalls = totalMembers === undefined ? null : estimateCalls(totalMembers);
  const countBefore =
    resumeFrom !== undefined ? resumeFrom.countBefore : await countNow(fetchMemberCount, signal);
  const progress = (): ExportProgress => ({ members: usernames.length, pages, calls, estimatedCalls });
  const cancelled = (): ExportOutcome => ({ state: 'cancelled', progress: progress() });

  for (;;) {
    const release = await pacer.acquire(signal);
    if (release === null || signal?.aborted) {
      release?.();
      return cancelled();
    }
    calls += 1;
    let page;
    try {
      page = await fetchPage({ limit: EXPORT_PAGE_SIZE, cursor }, signal);
    } catch (error) {
      if (signal?.aborted) return cancelled();
      if (!(error instanceof ApiError)) throw error;
      return {
        state: 'failed',
        error,
        progress: progress(),
        resumeFrom: { usernames, countBefore, cursor, pages, calls },
      };
    } finally {
      release();
    }
    pages += 1;
    for (const member of page.members) {
      if (listed.has(member)) continue;
      listed.add(member);
      usernames.push(member);
    }
    onProgress?.(progress());
    const next = cursorAfter(page, EXPORT_PAGE_SIZE);
    if (next === undefined) {
      const threadCount = await countNow(fetchMemberCount, signal);
      const changedDuringWalk = countBefore !== null && threadCount !== null && countBefore !== threadCount;
      return { state: 'finished', usernames, progress: progress(), threadCount, changedDuringWalk };
    }
    cursor = next;
  }
}
