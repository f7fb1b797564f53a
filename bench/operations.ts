// Issue 11's benchmark: bulk operations run on the server, started and followed over HTTP as the dashboard does.
// 10,000 users added to an empty thread and removed again at API latencies from 50 ms to 2 s and the documented
// heavy tail; with 10% of calls failing; and two moderators' operations at once on one shared budget.
import { DEMO_THREADS, demoUsername } from '../emulator/demo-data.ts';
import { createApiClient } from '../src/api/http.ts';
import { MAX_BATCH_SIZE } from '../src/lib/bulk/batches.ts';
import { startBulkServer, type BulkServer } from './bulk-server.ts';
import { runOperation, type OperationRun } from './operation-run.ts';
import { passFail } from './stats.ts';
import { printTable } from './table.ts';

const RATE_LIMIT = 100;
/** In the demo group and in no thread (the huge thread holds user000001 … user099999). */
const users = (first: number, count: number) =>
  Array.from({ length: count }, (_, i) => demoUsername(first + i));
const floorS = (count: number) => Math.ceil(count / MAX_BATCH_SIZE) / RATE_LIMIT;
/** Slack over the floor for an operation to count as running at the API's limit: planning and the last answers. */
const slackS = (latency: string) => (latency === 'realistic' ? 13 : latency.includes('2000') ? 3 : 1.5);
const OPERATION_DEADLINE_MS = 180_000;

interface Scenario {
  name: string;
  latency: string;
  faultRate: number;
}

const SINGLE: Scenario[] = [
  { name: '50 ms', latency: '50', faultRate: 0 },
  { name: '400-600 ms', latency: '400-600', faultRate: 0 },
  { name: '1-2 s', latency: '1000-2000', faultRate: 0 },
  { name: 'realistic tail', latency: 'realistic', faultRate: 0 },
  { name: '10% faults, 50 ms', latency: '50', faultRate: 0.1 },
];

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

function outcomes(run: OperationRun): string {
  const { counts, state } = run.operation;
  const shown = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count.toLocaleString('en-US')} ${status}`);
  return [...shown, state === 'finished' ? '' : `[${state}]`].join(' ').trim();
}

function row(scenario: Scenario, run: OperationRun, timed: boolean): string[] {
  const floor = floorS(run.users);
  const target = floor + slackS(scenario.latency);
  const inTime = run.wallMs <= target * 1000;
  const { calls, rateLimited, retries } = run.operation;
  return [
    scenario.name,
    `${run.kind} ${run.users.toLocaleString('en-US')}`,
    seconds(run.wallMs),
    floor.toFixed(1),
    ((calls / run.wallMs) * 1000).toFixed(0),
    String(rateLimited),
    String(retries),
    outcomes(run),
    run.membership.summary,
    timed ? `≤ ${target.toFixed(1)} s, exact` : 'exact',
    passFail(run.membership.exact && (inTime || !timed)),
  ];
}

async function withServer<T>(scenario: Scenario, work: (server: BulkServer) => Promise<T>): Promise<T> {
  const server = await startBulkServer({
    rateLimit: RATE_LIMIT,
    latency: scenario.latency,
    faultRate: scenario.faultRate,
  });
  try {
    return await work(server);
  } finally {
    await server.close();
  }
}

const target = (server: BulkServer, threadId: string) => ({
  api: createApiClient({ baseUrl: server.apiBaseUrl }),
  emulatorControlUrl: server.emulatorControlUrl,
  threadId,
});

function failed(scenario: Scenario, what: string, error: unknown): string[] {
  const message = error instanceof Error ? error.message : String(error);
  return [scenario.name, what, message, '', '', '', '', '', '', '', passFail(false)];
}

async function single(scenario: Scenario): Promise<string[][]> {
  try {
    return await withServer(scenario, async (server) => {
      const list = users(100_001, 10_000);
      const thread = target(server, DEMO_THREADS.empty);
      const timed = scenario.faultRate === 0;
      const added = await runOperation(thread, 'add', list, OPERATION_DEADLINE_MS);
      const removed = await runOperation(thread, 'remove', list, OPERATION_DEADLINE_MS);
      return [row(scenario, added, timed), row(scenario, removed, timed)];
    });
  } catch (error) {
    return [failed(scenario, 'add + remove 10,000', error)];
  }
}

/**
 * Two moderators: one adds 6,000 users to one thread; 2 s later another adds 4,000 to another thread on the same
 * endpoint. The second must progress at once, and together they must use the whole budget.
 */
async function twoAtOnce(scenario: Scenario): Promise<string[][]> {
  try {
    return await withServer(scenario, async (server) => {
      const startedAt = performance.now();
      const first = runOperation(target(server, DEMO_THREADS.empty), 'add', users(100_001, 6_000), 180_000);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const second = await runOperation(
        target(server, DEMO_THREADS.small),
        'add',
        users(106_001, 4_000),
        180_000,
      );
      const firstRun = await first;
      const togetherMs = performance.now() - startedAt;
      const calls = firstRun.operation.calls + second.operation.calls;
      const floor = floorS(10_000);
      const inTime = togetherMs <= (floor + slackS(scenario.latency)) * 1000;
      const firstWithin = second.firstSettledMs <= 2_000 + 1_000 * 1.5;
      return [
        [
          `two at once, ${scenario.name}`,
          'add 6,000 + add 4,000 (2 s later)',
          seconds(togetherMs),
          floor.toFixed(1),
          ((calls / togetherMs) * 1000).toFixed(0),
          String(firstRun.operation.rateLimited + second.operation.rateLimited),
          String(firstRun.operation.retries + second.operation.retries),
          `first: ${seconds(firstRun.wallMs)} s; second: first result after ${seconds(second.firstSettledMs)} s, done in ${seconds(second.wallMs)} s`,
          `${firstRun.membership.summary}; ${second.membership.summary}`,
          '≤ floor + slack, second starts at once, exact',
          passFail(inTime && firstWithin && firstRun.membership.exact && second.membership.exact),
        ],
      ];
    });
  } catch (error) {
    return [failed(scenario, 'two at once', error)];
  }
}

export async function benchOperations(): Promise<void> {
  const rows: string[][] = [];
  for (const scenario of SINGLE) rows.push(...(await single(scenario)));
  rows.push(...(await twoAtOnce({ name: '400-600 ms', latency: '400-600', faultRate: 0 })));
  printTable(
    `Operations on the server: 10,000 users (${10_000 / MAX_BATCH_SIZE} calls) added to an empty thread, then removed; started and followed over HTTP; embedded emulator and CHAT_CALLS_PER_SECOND at ${RATE_LIMIT}; membership read from the emulator`,
    [
      'latency',
      'operation',
      'wall s',
      'floor s',
      'calls/s',
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
