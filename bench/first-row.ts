// Time from navigation start to the first member row attached, for the members page and the floor page, on
// cold loads: each load gets a new browser context, so nothing comes from the HTTP cache.
import type { Browser } from '@playwright/test';
import {
  FIRST_ROW_KEY,
  MEMBER_ROW,
  firstMemberRowAt,
  membersRequestTiming,
  recordFirstMemberRow,
  scriptsLoaded,
} from './member-row-probe.ts';
import { median, passFail } from './stats.ts';
import { printTable } from './table.ts';

const LOADS = 10;
const ROW_TIMEOUT_MS = 10_000;
const TARGET_RATIO = 2;

export class NoMemberRowsError extends Error {
  override name = 'NoMemberRowsError';
}

interface ColdLoad {
  firstRowMs: number;
  /** When the first member page was requested and answered (a preload hint makes both early). */
  membersRequest: { startMs: number; endMs: number } | null;
  /** Network requests for the first member page and for the thread details: 2 would mean a preload went unused. */
  requests: { firstPage: number; details: number };
  /** Scripts fetched by the time of the first row. */
  scripts: string[];
}

export async function coldLoad(browser: Browser, url: string, threadId: string): Promise<ColdLoad> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(recordFirstMemberRow, { key: FIRST_ROW_KEY, selector: MEMBER_ROW });
    const page = await context.newPage();
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
    };
  } finally {
    await context.close();
  }
}

const ms = (value: number): string => value.toFixed(0);

function summaryRow(name: string, loads: readonly ColdLoad[]): string[] {
  const times = loads.map((load) => load.firstRowMs);
  const timed = loads.flatMap((load) => (load.membersRequest === null ? [] : [load.membersRequest]));
  const counts = (pick: (load: ColdLoad) => number): string =>
    [...new Set(loads.map(pick))].sort().join(' or ');
  return [
    name,
    ms(median(times)),
    ms(Math.min(...times)),
    ms(Math.max(...times)),
    timed.length === 0
      ? '?'
      : `${ms(median(timed.map((t) => t.startMs)))} → ${ms(median(timed.map((t) => t.endMs)))}`,
    `${counts((load) => load.requests.firstPage)} / ${counts((load) => load.requests.details)}`,
    '',
    '',
  ];
}

/** Prints the table; returns the scripts the app had fetched by its first row (null when it showed none). */
export async function benchFirstRow(
  browser: Browser,
  baseUrl: string,
  threadId: string,
): Promise<string[] | null> {
  const pages = {
    app: `${baseUrl}/threads/${threadId}`,
    floor: `${baseUrl}/floor.html?thread=${threadId}`,
    stack: `${baseUrl}/stack-reference.html?thread=${threadId}`,
  };
  const names = ['app', 'floor', 'stack'] as const;
  const loads = { app: [] as ColdLoad[], floor: [] as ColdLoad[], stack: [] as ColdLoad[] };
  const failures: Partial<Record<keyof typeof pages, string>> = {};
  // One unrecorded load each warms the server (SQLite pages, token) and the browser; then the pages alternate.
  for (let round = 0; round <= LOADS; round++) {
    for (const name of names) {
      if (failures[name] !== undefined) continue;
      try {
        const load = await coldLoad(browser, pages[name], threadId);
        if (round > 0) loads[name].push(load);
      } catch (error) {
        if (!(error instanceof NoMemberRowsError)) throw error;
        failures[name] = error.message;
      }
    }
  }
  const rows = names.map((name) => {
    const failure = failures[name];
    const label = `${name}: ${pages[name].replace(baseUrl, '')}`;
    return failure === undefined
      ? summaryRow(label, loads[name])
      : [label, failure, '', '', '', '', '', passFail(false)];
  });
  type Page = keyof typeof pages;
  const ratioOf = (name: Page, base: Page): number =>
    failures[name] === undefined && failures[base] === undefined
      ? median(loads[name].map((l) => l.firstRowMs)) / median(loads[base].map((l) => l.firstRowMs))
      : Number.NaN;
  const ratio = ratioOf('app', 'floor');
  const times = (value: number): string => (Number.isNaN(value) ? 'n/a' : `${value.toFixed(2)}×`);
  const forInformation = (label: string, value: number) => [label, times(value), '', '', '', '', '', ''];
  rows.push(
    [
      'app / floor (medians)',
      times(ratio),
      '',
      '',
      '',
      '',
      `≤ ${TARGET_RATIO}×`,
      passFail(ratio <= TARGET_RATIO),
    ],
    forInformation('for information: stack reference / floor (medians)', ratioOf('stack', 'floor')),
    forInformation('for information: app / stack reference (medians)', ratioOf('app', 'stack')),
  );
  printTable(
    `First member row: navigation start to the first [role=row][data-username] attached, ${LOADS} cold loads each (new browser context, after one warm-up), headless Chromium. Floor: no framework. Stack reference: React, React Query, react-router, an MUI theme and the dashboard's fetch layer, plain rows, same preload hint`,
    [
      'page',
      'median ms',
      'min ms',
      'max ms',
      'members request sent → answered, median ms',
      'requests: first page / details',
      'target',
      'result',
    ],
    rows,
  );
  return loads.app.at(-1)?.scripts ?? null;
}
