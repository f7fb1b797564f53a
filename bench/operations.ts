// Issue 11's benchmark: bulk operations run on the server, started and followed over HTTP as the dashboard does.
// 10,000 users added to an empty thread and removed again at API latencies from 50 ms to 2 s and the documented
// heavy tail; with 10% of calls failing; added to the 100,000-member thread (who is a member already is learnt
// first); two operations of 10,000 started together; and one with a viewer reading pages at 300 calls a second
// beside it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { DEMO_THREADS, demoUsername } from '../emulator/demo-data.ts';
import { createApiClient } from '../src/api/http.ts';
import { MAX_BATCH_SIZE } from '../src/lib/bulk/batches.ts';
import { memberPagePath } from '../src/lib/members-page-address.ts';
import { startBulkServer, type BulkServer } from './bulk-server.ts';
import { runOperation, type OperationRun } from './operation-run.ts';
import { passFail } from './stats.ts';
import { printTable } from './table.ts';

const RATE_LIMIT = 100;
/** In the demo group and in no thread (the huge thread holds user000001 … user099999). */
const users = (first: number, count: number) =>
  Array.from({ length: count }, (_, i) => demoUsername(first + i));
const floorS = (count: number) => Math.ceil(count / MAX_BATCH_SIZE) / RATE_LIMIT;
// A safety net only: learning who is a member of the 100,000-member thread takes minutes on a busy machine.
const OPERATION_DEADLINE_MS = 600_000;

interface Scenario {
  name: string;
  latency: string;
  faultRate: number;
  /** Wall-time target per operation, or null where only exactness is asked. */
  targetS: number | null;
  /** The thread the users go into: empty unless said. */
  thread?: 'empty' | 'huge';
}

const SINGLE: Scenario[] = [
  { name: '50 ms', latency: '50', faultRate: 0, targetS: 10.5 },
  { name: '250-750 ms', latency: '250-750', faultRate: 0, targetS: 10.5 },
  { name: '1-2 s', latency: '1000-2000', faultRate: 0, targetS: 10.5 },
  { name: '500 ms, 10% faults', latency: '500', faultRate: 0.1, targetS: 12 },
  { name: 'realistic tail', latency: 'realistic', faultRate: 0, targetS: null },
  // Who is a member already: 10,000 users' threads at the budget beat 2,001 pages one after another.
  { name: '500 ms, into 100,000 members', latency: '500', faultRate: 0, targetS: null, thread: 'huge' },
];
const TOGETHER: Scenario = { name: '250-750 ms', latency: '250-750', faultRate: 0, targetS: 21 };
const VIEWER: Scenario = { name: '500 ms', latency: '500', faultRate: 0, targetS: null };
const VIEWER_CALLS_PER_SECOND = 300;

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

function outcomes(run: OperationRun): string {
  const { counts, state } = run.operation;
  const shown = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count.toLocaleString('en-US')} ${status}`);
  return [...shown, state === 'finished' ? '' : `[${state}]`].join(' ').trim();
}

const rate = (calls: number, ms: number) => ((calls / ms) * 1000).toFixed(0);

function row(scenario: Scenario, run: OperationRun): string[] {
  const inTime = scenario.targetS === null || run.wallMs <= scenario.targetS * 1000;
  const { calls, rateLimited, retries } = run.operation;
  return [
    scenario.name,
    `${run.kind} ${run.users.toLocaleString('en-US')}`,
    seconds(run.wallMs),
    floorS(run.users).toFixed(1),
    rate(calls, run.wallMs),
    String(rateLimited),
    String(retries),
    outcomes(run),
    run.membership.summary,
    scenario.targetS === null ? 'exact' : `≤ ${scenario.targetS} s, exact`,
    passFail(run.membership.exact && inTime),
  ];
}

async function withServer(scenario: Scenario, work: (server: BulkServer) => Promise<string[][]>) {
  try {
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
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [[scenario.name, '', message, '', '', '', '', '', '', '', passFail(false)]];
  }
}

const target = (server: BulkServer, threadId: string) => ({
  api: createApiClient({ baseUrl: server.apiBaseUrl }),
  emulatorControlUrl: server.emulatorControlUrl,
  threadId,
});

const single = (scenario: Scenario) =>
  withServer(scenario, async (server) => {
    const list = users(100_001, 10_000);
    const thread = target(server, DEMO_THREADS[scenario.thread ?? 'empty']);
    const added = await runOperation(thread, 'add', list, OPERATION_DEADLINE_MS);
    const removed = await runOperation(thread, 'remove', list, OPERATION_DEADLINE_MS);
    return [row(scenario, added), row(scenario, removed)];
  });

/** Two moderators each add 10,000 users to a thread of their own, started together, on one endpoint's budget. */
const together = (scenario: Scenario) =>
  withServer(scenario, async (server) => {
    const startedAt = performance.now();
    const [first, second] = await Promise.all([
      runOperation(target(server, DEMO_THREADS.empty), 'add', users(100_001, 10_000), OPERATION_DEADLINE_MS),
      runOperation(target(server, DEMO_THREADS.small), 'add', users(110_001, 10_000), OPERATION_DEADLINE_MS),
    ]);
    const wallMs = performance.now() - startedAt;
    const calls = first.operation.calls + second.operation.calls;
    const rateLimited = first.operation.rateLimited + second.operation.rateLimited;
    const inTime = scenario.targetS === null || wallMs <= scenario.targetS * 1000;
    return [
      [
        `two together, ${scenario.name}`,
        'add 10,000 + add 10,000',
        seconds(wallMs),
        floorS(20_000).toFixed(1),
        rate(calls, wallMs),
        `${rateLimited} (${((rateLimited / calls) * 100).toFixed(1)}%)`,
        String(first.operation.retries + second.operation.retries),
        `first done in ${seconds(first.wallMs)} s, second in ${seconds(second.wallMs)} s; first results after ${seconds(first.firstSettledMs)} and ${seconds(second.firstSettledMs)} s`,
        `${first.membership.summary}; ${second.membership.summary}`,
        `both ≤ ${scenario.targetS ?? '–'} s, ≤ 1% 429, exact`,
        passFail(inTime && rateLimited <= calls / 100 && first.membership.exact && second.membership.exact),
      ],
    ];
  });

/**
 * Reads the huge thread's first page at `perSecond` through the server, from a process of its own, until
 * stopped; says how the reads were answered.
 */
function viewer(server: BulkServer, perSecond: number) {
  const url = `${server.apiBaseUrl}/${memberPagePath(DEMO_THREADS.huge, 50, '')}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/page-reader.ts', url, String(perSecond)], {
    cwd: path.resolve(import.meta.dirname, '..'),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return async () => {
    child.stdin.end();
    await exited;
    const answers = JSON.parse(output || '{}') as Record<string, number>;
    return Object.entries(answers)
      .map(([status, n]) => `${n} × ${status === '0' ? 'no answer' : status}`)
      .join(', ');
  };
}

/** An add of 10,000 alone, then again with a viewer reading 300 pages a second beside it. */
const withViewer = (scenario: Scenario) =>
  withServer(scenario, async (server) => {
    const thread = target(server, DEMO_THREADS[scenario.thread ?? 'empty']);
    const alone = await runOperation(thread, 'add', users(100_001, 10_000), OPERATION_DEADLINE_MS);
    await runOperation(thread, 'remove', users(100_001, 10_000), OPERATION_DEADLINE_MS);
    const stopViewer = viewer(server, VIEWER_CALLS_PER_SECOND);
    // Stopped however the operation ends: a viewer left reading would keep the benchmark from exiting.
    let beside: OperationRun;
    let viewerAnswers: string;
    try {
      beside = await runOperation(thread, 'add', users(100_001, 10_000), OPERATION_DEADLINE_MS);
    } finally {
      viewerAnswers = await stopViewer();
    }
    const slower = beside.wallMs / alone.wallMs - 1;
    return [
      [
        `viewer at ${VIEWER_CALLS_PER_SECOND}/s, ${scenario.name}`,
        'add 10,000',
        `${seconds(beside.wallMs)} (alone ${seconds(alone.wallMs)})`,
        floorS(10_000).toFixed(1),
        rate(beside.operation.calls, beside.wallMs),
        String(beside.operation.rateLimited),
        String(beside.operation.retries),
        `viewer: ${viewerAnswers}`,
        beside.membership.summary,
        '≤ 10% slower, exact',
        passFail(slower <= 0.1 && beside.membership.exact),
      ],
    ];
  });

export async function benchOperations(): Promise<void> {
  const rows: string[][] = [];
  for (const scenario of SINGLE) rows.push(...(await single(scenario)));
  rows.push(...(await together(TOGETHER)));
  rows.push(...(await withViewer(VIEWER)));
  printTable(
    `Operations on the server: 10,000 users (${10_000 / MAX_BATCH_SIZE} calls) added to a thread (empty unless said), then removed; started and followed over HTTP; the emulator in its own process and CHAT_CALLS_PER_SECOND at ${RATE_LIMIT}; membership read from the emulator`,
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
