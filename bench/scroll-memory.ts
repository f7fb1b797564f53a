// Scrolls a members grid until 20,000 members are loaded: the rows visible at 1280×800 before it starts, the
// longest main-thread task while scrolling, most member rows in the DOM at once, and JS heap growth per member
// loaded (after forced garbage collection, through the Chrome DevTools Protocol).
import type { Browser, CDPSession } from '@playwright/test';
import {
  FIRST_ROW_KEY,
  MEMBER_ROW,
  firstMemberRowAt,
  longestTask,
  recordFirstMemberRow,
  visibleMemberRows,
  watchLongTasks,
} from './member-row-probe.ts';
import { longestTaskCpuMs, startTaskTrace } from './main-thread-tasks.ts';
import { scrollMembers, type ScrollProgress } from './scroll-probe.ts';
import { passFail } from './stats.ts';
import { printTable } from './table.ts';

const TARGET_MEMBERS = 20_000;
const MAX_ROWS_IN_DOM = 150;
const MAX_HEAP_BYTES_PER_MEMBER = 200;
const MIN_ROWS_VISIBLE = 15;
const MAX_TASK_MS = 50;
const LONGEST_TASK_KEY = '__benchLongestTask';
const FIRST_ROW_TIMEOUT_MS = 15_000;
/** The whole run stops by itself after this, reporting how far it got. */
const DEADLINE_MS = 240_000;
/** No further member for this long counts as stuck. */
const STALL_MS = 15_000;
const GRID = '[role="grid"][aria-label="Members"]';

interface HeapUse {
  /** V8's used heap: what the target is about. */
  js: number;
  /** Blink's own garbage-collected heap, where DOM nodes live: shown beside it, without a target. */
  embedder: number;
}

async function heapAfterGc(cdp: CDPSession): Promise<HeapUse> {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return { js: usage.usedSize, embedder: usage.embedderHeapUsedSize };
}

interface ScrollRun {
  rowsVisible: number;
  longestTaskMs: number;
  longestTaskCpuMs: number;
  members: number;
  maxRowsInDom: number;
  bytesPerMember: number;
  embedderBytesPerMember: number;
  seconds: number;
  /** Why the run ended before TARGET_MEMBERS, if it did. */
  shortfall: string | null;
}

/**
 * `settled`: the accessible name of a text box the page mounts last (after its first paint and lazy chunks);
 * long tasks are watched from then on, so that they are the scrolling's own.
 */
async function scrollRun(browser: Browser, url: string, settled?: string): Promise<ScrollRun | string> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(recordFirstMemberRow, { key: FIRST_ROW_KEY, selector: MEMBER_ROW });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(firstMemberRowAt, FIRST_ROW_KEY, { timeout: FIRST_ROW_TIMEOUT_MS });
    } catch {
      return `no member rows appeared within ${FIRST_ROW_TIMEOUT_MS / 1000} s`;
    }
    if (settled !== undefined) await page.getByRole('textbox', { name: settled }).waitFor();
    const rowsVisible = await page.evaluate(visibleMemberRows, { grid: GRID, row: MEMBER_ROW });
    // After the forced garbage collection, which is a long task of the benchmark's own.
    const heapBefore = await heapAfterGc(cdp);
    await page.evaluate(watchLongTasks, LONGEST_TASK_KEY);
    await startTaskTrace(browser, page);
    const started = performance.now();
    let progress: ScrollProgress = { lastIndex: -1, maxRowsInDom: 0, steps: 0, error: null };
    let maxRowsInDom = 0;
    let lastProgressAt = started;
    let shortfall: string | null = null;
    while (progress.lastIndex + 1 < TARGET_MEMBERS) {
      const now = performance.now();
      if (now - started > DEADLINE_MS) shortfall = `stopped at the ${DEADLINE_MS / 1000} s time limit`;
      else if (now - lastProgressAt > STALL_MS) shortfall = `no further member for ${STALL_MS / 1000} s`;
      if (shortfall !== null) break;
      const before = progress.lastIndex;
      progress = await page.evaluate(scrollMembers, {
        gridSelector: GRID,
        rowSelector: MEMBER_ROW,
        lastIndex: before,
        targetIndex: TARGET_MEMBERS - 1,
        budgetMs: 2_000,
      });
      if (progress.error !== null) {
        await browser.stopTracing();
        return progress.error;
      }
      maxRowsInDom = Math.max(maxRowsInDom, progress.maxRowsInDom);
      if (progress.lastIndex > before) lastProgressAt = performance.now();
    }
    const seconds = (performance.now() - started) / 1000;
    const members = progress.lastIndex + 1;
    // Long tasks are reported after they end, in a later task: one more frame lets the last one arrive.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const longestTaskMs = await page.evaluate(longestTask, LONGEST_TASK_KEY);
    const taskCpuMs = await longestTaskCpuMs(browser);
    const heapAfter = await heapAfterGc(cdp);
    return {
      rowsVisible,
      longestTaskMs,
      longestTaskCpuMs: taskCpuMs,
      members,
      maxRowsInDom,
      bytesPerMember: (heapAfter.js - heapBefore.js) / Math.max(members, 1),
      embedderBytesPerMember: (heapAfter.embedder - heapBefore.embedder) / Math.max(members, 1),
      seconds,
      shortfall,
    };
  } finally {
    await context.close();
  }
}

export async function benchScrollMemory(
  browser: Browser,
  label: string,
  url: string,
  settled?: string,
): Promise<void> {
  const run = await scrollRun(browser, url, settled);
  const title = `Scrolling ${label} a viewport at a time until ${TARGET_MEMBERS.toLocaleString('en')} members are loaded (1280×800, headless Chromium)`;
  const header = ['measure', 'value', 'target', 'result'];
  if (typeof run === 'string') {
    printTable(title, header, [['run', run, '', passFail(false)]]);
    return;
  }
  printTable(title, header, [
    [
      'member rows visible whole at 1280×800, before scrolling',
      String(run.rowsVisible),
      `≥ ${MIN_ROWS_VISIBLE}`,
      passFail(run.rowsVisible >= MIN_ROWS_VISIBLE),
    ],
    [
      'longest main-thread task while scrolling (PerformanceObserver, longtask)',
      run.longestTaskMs === 0 ? 'none over 50 ms' : `${run.longestTaskMs.toFixed(0)} ms`,
      `≤ ${MAX_TASK_MS} ms`,
      passFail(run.longestTaskMs <= MAX_TASK_MS),
    ],
    [
      'longest main-thread task while scrolling, its CPU time (trace), for information',
      `${run.longestTaskCpuMs.toFixed(0)} ms`,
      '',
      '',
    ],
    [
      'members reached (furthest username shown)',
      `${run.members.toLocaleString('en')} in ${run.seconds.toFixed(1)} s${run.shortfall === null ? '' : `: ${run.shortfall}`}`,
      `≥ ${TARGET_MEMBERS.toLocaleString('en')}`,
      passFail(run.members >= TARGET_MEMBERS),
    ],
    [
      'most member rows in the DOM at once',
      String(run.maxRowsInDom),
      `≤ ${MAX_ROWS_IN_DOM}`,
      passFail(run.maxRowsInDom <= MAX_ROWS_IN_DOM),
    ],
    [
      'JS heap growth per member loaded (used heap after GC)',
      `${run.bytesPerMember.toFixed(0)} bytes`,
      `≤ ${MAX_HEAP_BYTES_PER_MEMBER} bytes`,
      passFail(run.bytesPerMember <= MAX_HEAP_BYTES_PER_MEMBER),
    ],
    [
      'Blink heap (DOM) growth per member, for information',
      `${run.embedderBytesPerMember.toFixed(0)} bytes`,
      '',
      '',
    ],
  ]);
}
