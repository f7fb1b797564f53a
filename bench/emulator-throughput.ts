// How many requests per second the emulator serves on this machine with its rate limit off.
import { DEMO_THREADS, demoUsername } from '../emulator/demo-data.ts';
import { startEmulatorProcess } from './emulator-process.ts';
import { printTable } from './table.ts';

const CONCURRENCY = 16;
const SECONDS_PER_SCENARIO = 4;

interface Scenario {
  name: string;
  /** Sends one request; `n` counts the requests of this scenario. */
  send(baseUrl: string, headers: Record<string, string>, n: number): Promise<Response>;
}

const scenarios: Scenario[] = [
  {
    name: 'GET first member page (limit 50) of the 100,000-member thread',
    send: (base, headers) => fetch(`${base}/thread/${DEMO_THREADS.huge}/users?limit=50`, { headers }),
  },
  {
    name: 'GET thread details',
    send: (base, headers) => fetch(`${base}/thread/${DEMO_THREADS.large}`, { headers }),
  },
  {
    name: 'POST add 10 members, DELETE them again (alternating)',
    send: (base, headers, n) => {
      const batch = Math.floor(n / 2) % 1000;
      const usernames = Array.from({ length: 10 }, (_, i) => demoUsername(100_001 + batch * 10 + i));
      return fetch(`${base}/thread/${DEMO_THREADS.small}/users`, {
        method: n % 2 === 0 ? 'POST' : 'DELETE',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ usernames }),
      });
    },
  },
];

async function measure(scenario: Scenario, baseUrl: string, headers: Record<string, string>) {
  const latencies: number[] = [];
  let failures = 0;
  let counter = 0;
  const deadline = performance.now() + SECONDS_PER_SCENARIO * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const sentAt = performance.now();
        const response = await scenario.send(baseUrl, headers, counter++);
        await response.arrayBuffer();
        latencies.push(performance.now() - sentAt);
        if (!response.ok) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => (latencies[Math.floor(q * (latencies.length - 1))] ?? 0).toFixed(1);
  return [
    scenario.name,
    String(latencies.length),
    (latencies.length / seconds).toFixed(0),
    at(0.5),
    at(0.95),
    String(failures),
  ];
}

export async function benchEmulatorThroughput(): Promise<void> {
  const emulator = await startEmulatorProcess(['--rate-limit', 'off', '--seed', 'demo']);
  try {
    const headers = { authorization: `Bearer ${emulator.token}` };
    const rows = [];
    for (const scenario of scenarios) rows.push(await measure(scenario, emulator.baseUrl, headers));
    printTable(
      `Emulator throughput, rate limit off, ${CONCURRENCY} concurrent HTTP clients, ${SECONDS_PER_SCENARIO} s each (client and emulator share this machine)`,
      ['scenario', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'non-2xx'],
      rows,
    );
  } finally {
    emulator.stop();
  }
}
