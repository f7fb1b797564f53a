// The Add members dialog with a pasted list of 20,000 names: how long until its counts show, and how long each
// keystroke in that box then takes to reach the screen; beside the parse alone, in Node.
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium.ts';
import { DEMO_THREADS, demoUsername } from '../emulator/demo-data.ts';
import { parseUsernames } from '../src/lib/username-list.ts';
import { startServerUnderTest } from './server-under-test.ts';
import { median, passFail } from './stats.ts';
import { printTable } from './table.ts';

const NAMES = 20_000;
const PASTES = 5;
const KEYSTROKES = 20;
const COUNTS_TARGET_MS = 300;
const KEYSTROKE_TARGET_MS = 50;
/** The Event Timing API reports no event shorter than this; a keystroke it does not report took less. */
const EVENT_TIMING_FLOOR_MS = 16;
const EXPECTED_COUNTS = `${NAMES.toLocaleString('en-US')} valid`;

/** 20,000 names one a line, as a column copied from a spreadsheet; every tenth in capitals. */
const pastedText = Array.from({ length: NAMES }, (_, i) =>
  i % 10 === 0 ? demoUsername(i + 1).toUpperCase() : demoUsername(i + 1),
).join('\n');

function parseInNode(): number[] {
  return Array.from({ length: PASTES }, () => {
    const started = performance.now();
    parseUsernames(`${pastedText}\nx`);
    return performance.now() - started;
  });
}

type Opener = (page: Page) => Promise<void>;

const addMembersDialog =
  (baseUrl: string): Opener =>
  async (page) => {
    await page.goto(`${baseUrl}/threads/${DEMO_THREADS.small}`);
    await page.getByRole('button', { name: 'Add members' }).click();
    await page.getByRole('textbox', { name: 'Usernames' }).waitFor();
  };

/**
 * The floor: a bare textarea whose counts are one split of the text, no framework. What the browser itself
 * takes to lay out and paint 20,000 lines; on a busy machine it alone can pass 300 ms.
 */
const FLOOR_PAGE = `<!doctype html><label for="box">Usernames</label><textarea id="box" rows="10" cols="60"></textarea>
<p role="status" aria-label="Parsed usernames" id="counts"></p>
<script>box.addEventListener('input', () => {
  const names = box.value.split(/[\\s,;]+/).filter(Boolean);
  counts.textContent = new Set(names).size.toLocaleString('en-US') + ' valid';
});</script>`;

const floorPage: Opener = async (page) => {
  await page.setContent(FLOOR_PAGE);
};

/**
 * Puts the text in the box the way a paste does (one `input` event; Playwright's fill would type it line by
 * line) and returns the milliseconds until the counts line shows it, after the frame that paints it.
 */
function pasteAndTimeCounts(args: { text: string; expected: string }): Promise<number> {
  const label = [...document.querySelectorAll('label')].find((l) => l.textContent.startsWith('Usernames'));
  const box = label && document.getElementById(label.htmlFor);
  const status = document.querySelector('[role="status"][aria-label="Parsed usernames"]');
  if (!(box instanceof HTMLTextAreaElement) || !status) throw new Error('no Usernames box or counts');
  return new Promise((resolve) => {
    const started = performance.now();
    const observer = new MutationObserver(() => {
      if (status.textContent.startsWith(args.expected)) {
        observer.disconnect();
        // Resolved after the frame that paints the counts (no named helper: the page gets this as source).
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started)));
      }
    });
    observer.observe(status, { childList: true, subtree: true, characterData: true });
    box.focus();
    // The prototype's setter, as a paste sets it: React's own value tracker then sees a change.
    Reflect.set(HTMLTextAreaElement.prototype, 'value', args.text, box);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Starts recording the Event Timing entries of keystrokes: from the key press to the frame after handling it. */
function recordKeystrokes(floor: number): void {
  const durations = new Map<number, number>();
  Object.assign(window, { keystrokeDurations: durations });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEventTiming[]) {
      if (entry.interactionId === 0) continue;
      durations.set(entry.interactionId, Math.max(durations.get(entry.interactionId) ?? 0, entry.duration));
    }
  }).observe({ type: 'event', durationThreshold: floor } as PerformanceObserverInit);
}

const keystrokeDurations = () => [
  ...(window as unknown as { keystrokeDurations: Map<number, number> }).keystrokeDurations.values(),
];

interface PasteRun {
  countsMs: number;
  keystrokeMs: number[];
}

async function pasteRun(browser: Browser, open: Opener): Promise<PasteRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await open(page);
    const countsMs = await page.evaluate(pasteAndTimeCounts, { text: pastedText, expected: EXPECTED_COUNTS });
    await page.getByRole('textbox', { name: 'Usernames' }).press('Control+End');
    await page.evaluate(recordKeystrokes, EVENT_TIMING_FLOOR_MS);
    for (let i = 0; i < KEYSTROKES; i++) await page.keyboard.press(i % 2 === 0 ? 'Enter' : 'z');
    // The observer is told of an entry after its frame; wait for the counts of the last keystroke to be sure.
    await page
      .getByRole('status', { name: 'Parsed usernames' })
      .filter({ hasText: /^20,001 valid/ })
      .waitFor();
    await page.waitForTimeout(200);
    const reported = await page.evaluate(keystrokeDurations);
    // Keystrokes the API did not report were under its floor.
    const keystrokeMs = [
      ...reported,
      ...Array<number>(Math.max(0, KEYSTROKES - reported.length)).fill(EVENT_TIMING_FLOOR_MS),
    ];
    return { countsMs, keystrokeMs };
  } finally {
    await context.close();
  }
}

const ms = (value: number) => value.toFixed(0);

function pasteRows(name: string, runs: readonly PasteRun[]): string[][] {
  const counts = median(runs.map((run) => run.countsMs));
  const keystrokes = runs.flatMap((run) => run.keystrokeMs);
  const p90 = [...keystrokes].sort((a, b) => a - b)[Math.floor(keystrokes.length * 0.9)] ?? Number.NaN;
  return [
    [
      `${name}: paste → counts painted, median of ${PASTES} (max ${ms(Math.max(...runs.map((r) => r.countsMs)))})`,
      ms(counts),
      `≤ ${COUNTS_TARGET_MS}`,
      passFail(counts <= COUNTS_TARGET_MS),
    ],
    [
      `${name}: keystroke → painted, median / 90th percentile / worst of ${keystrokes.length}`,
      `${ms(median(keystrokes))} / ${ms(p90)} / ${ms(Math.max(...keystrokes))}`,
      `≤ ${KEYSTROKE_TARGET_MS}`,
      passFail(p90 <= KEYSTROKE_TARGET_MS),
    ],
  ];
}

export async function benchPasteNames(): Promise<void> {
  const server = await startServerUnderTest();
  try {
    const executablePath = findChromium();
    if (executablePath === undefined) {
      console.log('\nNo Chromium found (set CHROMIUM_PATH): the paste benchmark measures the parse alone.');
      await printPasteTable(null, server.url);
      return;
    }
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      await printPasteTable(browser, server.url);
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}

async function printPasteTable(browser: Browser | null, baseUrl: string): Promise<void> {
  const node = parseInNode();
  const rows: string[][] = [['parse 20,000 names in Node (no page), median ms', ms(median(node)), '', '']];
  if (browser !== null) {
    const pages = [
      ['the Add members dialog', addMembersDialog(baseUrl)],
      ['floor: a bare textarea', floorPage],
    ] as const;
    for (const [name, open] of pages) {
      const runs: PasteRun[] = [];
      for (let i = 0; i < PASTES; i++) runs.push(await pasteRun(browser, open));
      rows.push(...pasteRows(name, runs));
    }
  }
  printTable(
    `${NAMES.toLocaleString('en-US')} pasted names (one input event, as a paste) in headless Chromium, in ms; keystrokes (${KEYSTROKES} per paste, Enter and a letter at the end) timed by the Event Timing API from key press to the next paint, ${EVENT_TIMING_FLOOR_MS} meaning under ${EVENT_TIMING_FLOOR_MS}. Targets apply to the dialog; the floor shows what this machine's browser alone takes`,
    ['measure', 'ms', 'target', 'result'],
    rows,
  );
}
