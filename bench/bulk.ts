// Issue 4's benchmark: bulk add 10,000 users to an empty thread through the real server, then remove them,
// with the embedded emulator at its rate limit and latency; once without faults and once with 10% of calls
// failing (half of them after applying the change and losing the answer).
import { DEMO_THREADS, demoUsername } from '../emulator/demo-data.ts';
import { createApiClient } from '../src/api/http.ts';
import { MAX_BATCH_SIZE } from '../src/lib/bulk/batches.ts';
import { trueMembers } from './bulk-membership.ts';
import { runBulk, type BulkRun } from './bulk-run.ts';
import { startBulkServer } from './bulk-server.ts';
import { passFail } from './stats.ts';
import { printTable } from './table.ts';

const RATE_LIMIT = 100;
const LATENCY_MS = 50;
const TARGET_S = 11;
/** In the demo group and in no thread (the huge thread holds user000001 … user099999). */
const USERS = Array.from({ length: 10_000 }, (_, i) => demoUsername(100_001 + i));
const THREAD = DEMO_THREADS.empty;
const FLOOR_S = Math.ceil(USERS.length / MAX_BATCH_SIZE) / RATE_LIMIT;
/** The engine is cancelled after this; calls in flight then still finish (ky gives each up after 20 s). */
const CANCEL_AFTER_MS = 60_000;
/** Everything of one scenario: seeding the demo database, both phases, the membership reads. */
const SCENARIO_DEADLINE_MS = 240_000;

interface Scenario {
  name: string;
  faultRate: number;
  /** Without faults the time is a target; with faults it is shown for information. */
  timed: boolean;
}

const scenarios: Scenario[] = [
  { name: 'no faults', faultRate: 0, timed: true },
  { name: '10% faults', faultRate: 0.1, timed: false },
];

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

function outcomes(run: BulkRun): string {
  const counts = Object.entries(run.result.counts);
  const inferred = [...run.result.outcomes.values()].filter(
    (outcome) => outcome.status === 'removed' && outcome.inferred === true,
  ).length;
  const shown = counts
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count.toLocaleString('en-US')} ${status}`);
  if (inferred > 0) shown.push(`(${inferred} removed by an attempt whose answer was lost)`);
  return [...shown, run.result.state === 'finished' ? '' : `[${run.result.state}]`].join(' ').trim();
}

function row(scenario: Scenario, run: BulkRun): string[] {
  const inTime = run.wallMs <= TARGET_S * 1000;
  const pass = run.membership.exact && (inTime || !scenario.timed);
  return [
    scenario.name,
    run.kind === 'add' ? 'add 10,000' : 'remove 10,000',
    seconds(run.wallMs),
    FLOOR_S.toFixed(1),
    String(run.result.calls),
    String(run.result.rateLimited),
    String(run.result.retries),
    outcomes(run),
    run.membership.summary,
    scenario.timed ? `≤ ${TARGET_S} s, exact` : 'exact',
    passFail(pass),
  ];
}

function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not end within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

async function runScenario(scenario: Scenario): Promise<string[][]> {
  const server = await startBulkServer({
    rateLimit: RATE_LIMIT,
    latencyMs: LATENCY_MS,
    faultRate: scenario.faultRate,
  });
  try {
    const target = {
      api: createApiClient({ baseUrl: server.apiBaseUrl }),
      emulatorControlUrl: server.emulatorControlUrl,
      threadId: THREAD,
    };
    const before = await trueMembers(server.emulatorControlUrl, THREAD);
    if (before.size > 0)
      throw new Error(`thread ${THREAD} should start empty but has ${before.size} members`);
    const added = await runBulk(target, 'add', USERS, CANCEL_AFTER_MS);
    const removed = await runBulk(target, 'remove', USERS, CANCEL_AFTER_MS);
    return [row(scenario, added), row(scenario, removed)];
  } finally {
    await server.close();
  }
}

export async function benchBulk(): Promise<void> {
  const rows: string[][] = [];
  for (const scenario of scenarios) {
    try {
      rows.push(
        ...(await withDeadline(runScenario(scenario), SCENARIO_DEADLINE_MS, `the "${scenario.name}" run`)),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      rows.push([scenario.name, 'add + remove', message, '', '', '', '', '', '', '', passFail(false)]);
    }
  }
  printTable(
    `Bulk add then remove of 10,000 users (${USERS.length / MAX_BATCH_SIZE} calls each) on an empty thread through the server over HTTP; embedded emulator at ${RATE_LIMIT} calls/s, ${LATENCY_MS} ms latency; membership read from the emulator`,
    [
      'run',
      'phase',
      'wall s',
      'floor s',
      'calls',
      '429s',
      'retries',
      'outcomes',
      'membership',
      'target',
      'result',
    ],
    rows,
  );
}
