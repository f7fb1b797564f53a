import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_THREADS, demoUsername } from '../../../emulator/demo-data.ts';
import { fetchMemberPage } from '../../api/thread-members.ts';
import { Pacer } from '../../lib/bulk/pacer.ts';
import { createDashboardHarness, type DashboardHarness } from '../../test/dashboard-harness.ts';
import { estimateCalls, exportMembers, type ExportProgress, type FetchMemberPage } from './export-members.ts';

let harness: DashboardHarness;
afterEach(() => harness.close());

const membersPath = (threadId: string) => `/thread/${threadId}/users`;
const pacer = () => new Pacer({ callsPerSecond: 100 });
const pagesOf =
  (threadId: string): FetchMemberPage =>
  (request, signal) =>
    fetchMemberPage(harness.api, { threadId, ...request }, signal);

describe('exporting every member of a thread', () => {
  it('walks all pages of the 1,200-member thread in join order, reporting progress', async () => {
    harness = createDashboardHarness();
    const seen: ExportProgress[] = [];
    const outcome = await exportMembers(pagesOf(DEMO_THREADS.large), {
      totalMembers: 1_200,
      pacer: pacer(),
      onProgress: (progress) => seen.push(progress),
    });

    expect(outcome.state).toBe('finished');
    if (outcome.state !== 'finished') return;
    expect(outcome.usernames).toEqual(harness.emulator.store.listThreadMembers(DEMO_THREADS.large));
    // 24 full pages and the empty page that ends the list.
    expect(harness.calls(membersPath(DEMO_THREADS.large))).toBe(25);
    expect(outcome.progress).toEqual({ members: 1_200, pages: 25, calls: 25, estimatedCalls: 25 });
    expect(seen[0]).toEqual({ members: 50, pages: 1, calls: 1, estimatedCalls: 25 });
    expect(seen).toHaveLength(25);
  });

  it('estimates about 2,000 calls for a 100,000-member thread', () => {
    expect(estimateCalls(100_000)).toBe(2_001);
    expect(estimateCalls(0)).toBe(1);
    expect(estimateCalls(49)).toBe(1);
  });

  it('stops when cancelled midway, says how far it got, and offers nothing', async () => {
    harness = createDashboardHarness();
    const controller = new AbortController();
    const outcome = await exportMembers(pagesOf(DEMO_THREADS.large), {
      totalMembers: 1_200,
      pacer: pacer(),
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.pages === 5) controller.abort();
      },
    });

    expect(outcome).toEqual({
      state: 'cancelled',
      progress: { members: 250, pages: 5, calls: 5, estimatedCalls: 25 },
    });
    expect(harness.calls(membersPath(DEMO_THREADS.large))).toBe(5);
  });

  it('gets past a 503 through the fetch layer’s retry', async () => {
    harness = createDashboardHarness();
    harness.emulator.setFaults({ script: ['before-503'] });
    const outcome = await exportMembers(pagesOf(DEMO_THREADS.large), {
      pacer: pacer(),
    });

    expect(outcome.state).toBe('finished');
    if (outcome.state !== 'finished') return;
    expect(outcome.usernames).toEqual(harness.emulator.store.listThreadMembers(DEMO_THREADS.large));
    expect(outcome.progress.estimatedCalls).toBeNull();
    // The page that met the 503 was sent twice.
    expect(harness.calls(membersPath(DEMO_THREADS.large))).toBe(26);
  });

  it('reports a failure that outlasts the retries, and resumes from the page that failed', async () => {
    harness = createDashboardHarness();
    const first = await exportMembers(pagesOf(DEMO_THREADS.large), {
      pacer: pacer(),
      onProgress: (progress) => {
        // The fetch layer tries each page 4 times: fail every try of the third page.
        if (progress.pages === 2) {
          harness.emulator.setFaults({
            script: ['before-503', 'before-503', 'before-503', 'before-503'],
          });
        }
      },
    });

    expect(first.state).toBe('failed');
    if (first.state !== 'failed') return;
    expect(first.error.status).toBe(503);
    expect(first.progress).toMatchObject({ members: 100, pages: 2, calls: 3 });

    const resumed = await exportMembers(pagesOf(DEMO_THREADS.large), {
      pacer: pacer(),
      resumeFrom: first.resumeFrom,
    });
    expect(resumed.state).toBe('finished');
    if (resumed.state !== 'finished') return;
    expect(resumed.usernames).toEqual(harness.emulator.store.listThreadMembers(DEMO_THREADS.large));
    expect(resumed.progress).toMatchObject({ members: 1_200, pages: 25, calls: 26 });
  });
});

describe.each(['stable', 'offset'] as const)('exporting while members change, cursor %s', (cursor) => {
  const thread = DEMO_THREADS.large;
  const joining = Array.from({ length: 20 }, (_, i) => demoUsername(140_000 + i));
  const memberCount = () => Promise.resolve(harness.emulator.store.listThreadMembers(thread).length);

  it('finds the thread’s count unchanged and matching when nobody joined or left', async () => {
    harness = createDashboardHarness({ variants: { cursor } });
    const outcome = await exportMembers(pagesOf(thread), { pacer: pacer(), fetchMemberCount: memberCount });
    expect(outcome).toMatchObject({ state: 'finished', threadCount: 1_200, changedDuringWalk: false });
  });

  it('lists members who join during the walk once each, and finds the thread’s count matching', async () => {
    harness = createDashboardHarness({ variants: { cursor } });
    const outcome = await exportMembers(pagesOf(thread), {
      pacer: pacer(),
      fetchMemberCount: memberCount,
      onProgress: (progress) => {
        if (progress.pages === 5) harness.emulator.store.addThreadMembers(thread, joining);
      },
    });

    expect(outcome.state).toBe('finished');
    if (outcome.state !== 'finished') return;
    expect(outcome.usernames).toEqual(harness.emulator.store.listThreadMembers(thread));
    expect(new Set(outcome.usernames).size).toBe(outcome.usernames.length);
    expect(outcome.threadCount).toBe(1_220);
    expect(outcome.changedDuringWalk).toBe(true);
  });

  it('answers with the thread’s count after members it listed left during the walk', async () => {
    harness = createDashboardHarness({ variants: { cursor } });
    const outcome = await exportMembers(pagesOf(thread), {
      pacer: pacer(),
      fetchMemberCount: memberCount,
      onProgress: (progress) => {
        // Members already listed leave: the file still lists them, whatever the cursor.
        if (progress.pages === 5) {
          for (const member of harness.emulator.store.listThreadMembers(thread).slice(0, 30))
            harness.emulator.store.removeThreadMember(thread, member);
        }
      },
    });

    expect(outcome.state).toBe('finished');
    if (outcome.state !== 'finished') return;
    expect(outcome.threadCount).toBe(1_170);
    // Either way the count changed during the walk, and the dashboard says the file may not be exact.
    expect(outcome.changedDuringWalk).toBe(true);
    expect(new Set(outcome.usernames).size).toBe(outcome.usernames.length);
    // Stable cursors: the rest is complete, and the count (30 fewer) tells of those who left. Offset cursors:
    // as many later members were skipped as had left, so only the count's change shows it.
    expect(outcome.usernames).toHaveLength(cursor === 'stable' ? 1_200 : 1_170);
  });
});
