// Time from navigation start to the first member row attached, for the members page, the floor page and the stack
// reference: a cold visit (a new browser context, so nothing comes from the HTTP cache) and then a warm one (a
// second visit in the same context), at full speed and with the CPU slowed 4× as on a modest laptop.
import type { Browser, BrowserContext } from '@playwright/test';
import {
  FIRST_ROW_KEY,
  MEMBER_ROW,
  firstMemberRowAt,
  membersRequestTiming,
  recordFirstMemberRow,
  renderTiming,
  scriptsLoaded,
} from './member-row-probe.ts';
import { median, passFail } from './stats.ts';
import { printTable } from './table.ts';

const LOADS = 8;
const ROW_TIMEOUT_MS = 20_000;
/** Targets of the app's median over the floor's, cold, by CPU slowdown: the rows come with the app's HTML. */
const TARGET_RATIO: Readonly<Record<number, number>> = { 1: 1.0, 4: 1.2 };
const CPU_SLOWDOWNS = [1, 4] as const;
const VISITS = ['cold', 'warm'] as const;
type Visit = (typeof VISITS)[number];

export class NoMemberRowsError extends Error {
  override name = 'NoMemberRowsError';
}

interface Load {
  firstRowMs: number;
  /** When the first member page was requested and answered (a preload hint makes both early). */
  membersRequest: { startMs: number; endMs: number } | null;
  /** Network requests for the first member page and for the thread details: 2 would mean a preload went unused. */
  requests: { firstPage: number; details: number };
  /** Scripts fetched by the time of the first row. */
  scripts: string[];
  /** The server's time to render the first screen, from its Server-Timing header; null for a static page. */
  renderMs: number | null;
}

async function visit(
  context: BrowserContext,
  url: string,
  threadId: string,
  slowdown: number,
): Promise<Load> {
  const page = await context.newPage();
  try {
    if (slowdown !== 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    }
    const firstPage = `/api/chat/thread/${threadId}/users?limit=`;
    const details = `/api/chat/thread/${threadId}`;
    const requests = { firstPage: 0, details: 0 };
    page.on('request', (request) => {
      const target = new URL(request.url());
      if (target.pathname === details) requests.details++;
      else if (request.url().includes(firstPage) && !target.searchParams.has('cursor')) requests.firstPage++;
    });
    await page.goto(url, { waitUntil: 'commit', timeout: ROW_TIMEOUT_MS });
    try {
      await page.waitForFunction(firstMemberRowAt, FIRST_ROW_KEY, { timeout: ROW_TIMEOUT_MS });
    } catch {
      throw new NoMemberRowsError(`no member rows appeared within ${ROW_TIMEOUT_MS / 1000} s`);
    }
    return {
      firstRowMs: (await page.evaluate(firstMemberRowAt, FIRST_ROW_KEY)) ?? Number.NaN,
      membersRequest: await page.evaluate(membersRequestTiming, firstPage),
      requests,
      scripts: await page.evaluate(scriptsLoaded),
      renderMs: await page.evaluate(renderTiming),
    };
  } finally {
    await page.close();
  }
}

/** A cold visit in a new context, then a warm one in the same context: its HTTP cache holds the scripts. */
export async function coldThenWarm(
  browser: Browser,
  url: string,
  threadId: string,
  slowdown: number,
): Promise<Record<Visit, Load>> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(recordFirstMemberRow, { key: FIRST_ROW_KEY, selector: MEMBER_ROW });
    const cold = await visit(context, url, threadId, slowdown);
    const warm = await visit(context, url, threadId, slowdown);
    return { cold, warm };
  } finally {
    await context.close();
  }
}

const ms = (value: number): string => value.toFixed(0);

function summaryRow(cells: string[], loads: readonly Load[]): string[] {
  const times = loads.map((load) => load.firstRowMs);
  const timed = loads.flatMap((load) => (load.membersRequest === null ? [] : [load.membersRequest]));
  const counts = (pick: (load: Load) => number): string => [...new Set(loads.map(pick))].sort().join(' or ');
  return [
    ...cells,
    ms(median(times)),
    ms(Math.min(...times)),
    ms(Math.max(...times)),
    timed.length === 0
      ? '–'
      : `${ms(median(timed.map((t) => t.startMs)))} → ${ms(median(timed.map((t) => t.endMs)))}`,
    `${counts((load) => load.requests.firstPage)} / ${counts((load) => load.requests.details)}`,
  ];
}

const PAGES = ['app', 'floor', 'stack'] as const;
type Page = (typeof PAGES)[number];
type Condition = `${Visit} ${number}`;

/** Prints the tables; returns the scripts the app had fetched by its first row (null when it showed none). */
export async function benchFirstRow(
  browser: Browser,
  baseUrl: string,
  threadId: string,
): Promise<string[] | null> {
  const pages: Record<Page, string> = {
    app: `${baseUrl}/threads/${threadId}`,
    floor: `${baseUrl}/floor.html?thread=${threadId}`,
    stack: `${baseUrl}/stack-reference.html?thread=${threadId}`,
  };
  const loads = new Map<string, Load[]>();
  const loadsOf = (name: Page, condition: Condition): Load[] => loads.get(`${name} ${condition}`) ?? [];
  const failures: Partial<Record<Page, string>> = {};
  for (const slowdown of CPU_SLOWDOWNS) {
    // One unrecorded round warms the server (SQLite pages, token) and the browser; then the pages alternate.
    for (let round = 0; round <= LOADS; round++) {
      for (const name of PAGES) {
        if (failures[name] !== undefined) continue;
        try {
          const pair = await coldThenWarm(browser, pages[name], threadId, slowdown);
          if (round === 0) continue;
          for (const seen of VISITS) {
            const key = `${name} ${seen} ${slowdown}`;
            loads.set(key, [...(loads.get(key) ?? []), pair[seen]]);
          }
        } catch (error) {
          if (!(error instanceof NoMemberRowsError)) throw error;
          failures[name] = error.message;
        }
      }
    }
  }

  const rows: string[][] = [];
  for (const slowdown of CPU_SLOWDOWNS) {
    for (const seen of VISITS) {
      for (const name of PAGES) {
        const cells = [`${name}: ${pages[name].replace(baseUrl, '')}`, seen, `${slowdown}×`];
        const failure = failures[name];
        rows.push(
          failure === undefined
            ? summaryRow(cells, loadsOf(name, `${seen} ${slowdown}`))
            : [...cells, failure, '', '', '', ''],
        );
      }
    }
  }
  printTable(
    `First member row: navigation start to the first [role=row][data-username] attached, ${LOADS} visit pairs each after one warm-up pair (cold: a new browser context; warm: a second visit in it), headless Chromium, CPU at full speed and slowed 4× (DevTools CPU throttling). Floor: no framework, fetches the first page and writes rows. Stack reference: React, React Query, react-router, an MUI theme and the dashboard's fetch layer, plain rows, same preload hint`,
    [
      'page',
      'visit',
      'CPU slowdown',
      'median ms',
      'min ms',
      'max ms',
      'members request sent → answered, median ms',
      'requests: first page / details',
    ],
    rows,
  );

  const ratioOf = (name: Page, base: Page, condition: Condition): number =>
    failures[name] === undefined && failures[base] === undefined
      ? median(loadsOf(name, condition).map((l) => l.firstRowMs)) /
        median(loadsOf(base, condition).map((l) => l.firstRowMs))
      : Number.NaN;
  const times = (value: number): string => (Number.isNaN(value) ? 'n/a' : `${value.toFixed(2)}×`);
  const ratioRows: string[][] = [];
  for (const slowdown of CPU_SLOWDOWNS) {
    for (const seen of VISITS) {
      const condition: Condition = `${seen} ${slowdown}`;
      const ratio = ratioOf('app', 'floor', condition);
      const target = seen === 'cold' ? TARGET_RATIO[slowdown] : undefined;
      ratioRows.push([
        `app / floor, ${seen}, CPU ${slowdown}×`,
        times(ratio),
        target === undefined ? 'for information' : `≤ ${target.toFixed(1)}×`,
        target === undefined ? '' : passFail(ratio <= target),
      ]);
    }
    ratioRows.push([
      `stack reference / floor, cold, CPU ${slowdown}×`,
      times(ratioOf('stack', 'floor', `cold ${slowdown}`)),
      'for information',
      '',
    ]);
  }
  const renders = [...loads.entries()]
    .filter(([key]) => key.startsWith('app '))
    .flatMap(([, list]) => list.flatMap((load) => (load.renderMs === null ? [] : [load.renderMs])));
  ratioRows.push([
    `server render of the first screen (Server-Timing), median of ${renders.length} (max)`,
    renders.length === 0 ? 'none' : `${median(renders).toFixed(1)} ms (${Math.max(...renders).toFixed(1)})`,
    'for information',
    '',
  ]);
  printTable(
    'First member row: the app beside the floor (medians)',
    ['measure', 'value', 'target', 'result'],
    ratioRows,
  );
  return loadsOf('app', 'cold 1').at(-1)?.scripts ?? null;
}
