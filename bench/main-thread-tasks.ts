// The longest task of a page's main thread by CPU time, from a browser trace. Beside the wall-clock figure of
// the longtask observer it tells a slow task from a short one that waited for a core on a busy machine.
import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  name?: string;
  ph?: string;
  pid?: number;
  tid?: number;
  tdur?: number;
  args?: { name?: string };
}

export async function startTaskTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: ['toplevel'] });
}

/** Milliseconds of CPU of the longest task on the renderer's main thread since `startTaskTrace`. */
export async function longestTaskCpuMs(browser: Browser): Promise<number> {
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents?: TraceEvent[] };
  const events = trace.traceEvents ?? [];
  const mainThreads = new Set(
    events
      .filter(
        (event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
      )
      .map((event) => `${event.pid}:${event.tid}`),
  );
  let longest = 0;
  for (const event of events) {
    if (event.ph !== 'X' || event.tdur === undefined || !event.name?.includes('RunTask')) continue;
    if (mainThreads.has(`${event.pid}:${event.tid}`)) longest = Math.max(longest, event.tdur / 1000);
  }
  return longest;
}
