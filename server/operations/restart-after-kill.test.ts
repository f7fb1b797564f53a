// A server process killed with SIGKILL in the middle of an add, then started again on the same data: the
// operation resumes by itself and ends with every user's exact outcome, and the audit log holds each change once.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_THREADS, demoUsername } from '../../emulator/demo-data.ts';
import { freePort } from '../free-port.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');

/** The server as `npm start` runs it, minus the dashboard's build: only its API is used here. */
const SERVE = `
import { startApiServer } from './server/api-server.ts';
import { loadConfig } from './server/config.ts';
const server = await startApiServer(loadConfig(process.env), {
  distDir: process.env.TEST_DIST_DIR,
  logger: { log: () => undefined },
});
console.log('LISTENING ' + server.localUrl);
`;

const children = new Set<ChildProcess>();
const workDirs: string[] = [];
afterEach(async () => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
  for (const dir of workDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SERVE], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /LISTENING (\S+)/.exec(output)?.[1];
      if (url !== undefined) resolve({ child, url });
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => reject(new Error(`The server exited (${String(code)}): ${output}`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  }).finally(() => children.delete(child));
}

interface Detail {
  operation: { state: string; counts: Record<string, number> };
  items: [string, string, string, string | null, boolean][];
}

async function detail(url: string, id: string): Promise<Detail> {
  const response = await fetch(`${url}/api/operations/${id}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Detail;
}

/** Waits on what the server reports, not on a time. */
async function until(url: string, id: string, done: (found: Detail) => boolean): Promise<Detail> {
  for (;;) {
    const found = await detail(url, id);
    if (done(found)) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('an operation when its server is killed', () => {
  it('resumes after a restart and ends exact, each change audited once', { timeout: 120_000 }, async () => {
    const workDir = await mkdtemp(path.join(tmpdir(), 'tma-kill-'));
    workDirs.push(workDir);
    const distDir = path.join(workDir, 'dist');
    await mkdir(distDir);
    const controlPort = await freePort();
    const env = {
      PORT: '0',
      DATA_DIR: path.join(workDir, 'data'),
      TEST_DIST_DIR: distDir,
      AUTH_MODE: 'none',
      EMULATOR_CONTROL_PORT: String(controlPort),
      EMULATOR_LATENCY: '100-300',
      // 100 calls at 20 a second: long enough to be cut in the middle.
      CHAT_CALLS_PER_SECOND: '20',
    };
    const users = Array.from({ length: 1_000 }, (_, i) => demoUsername(120_001 + i));
    const thread = DEMO_THREADS.empty;

    const first = await startServer(env);
    const started = await fetch(`${first.url}/api/operations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: first.url },
      body: JSON.stringify({ kind: 'add', threadId: thread, usernames: users }),
    });
    expect(started.status).toBe(202);
    const { id } = ((await started.json()) as { operation: { id: string } }).operation;
    const cut = await until(
      first.url,
      id,
      (found) => (found.operation.counts.added ?? 0) >= 200 || found.operation.state !== 'running',
    );
    await killed(first.child);
    expect(cut.operation.counts.pending).toBeGreaterThan(0);

    const second = await startServer(env);
    const ended = await until(
      second.url,
      id,
      (found) => !['planning', 'running'].includes(found.operation.state),
    );
    expect(ended.operation.state).toBe('finished');
    expect(ended.operation.counts.added).toBe(1_000);
    expect(new Set(ended.items.map(([, , status]) => status))).toEqual(new Set(['added']));

    const members = (await (
      await fetch(`http://127.0.0.1:${controlPort}/_emulator/threads/${thread}/members`)
    ).json()) as { members: string[] };
    expect([...members.members].sort()).toEqual([...users].sort());

    const csv = await (await fetch(`${second.url}/api/activity/export.csv`)).text();
    const audited = new Map<string, number>();
    for (const line of csv.split('\r\n').slice(1)) {
      const cells = line.split(',');
      if (cells[9] !== id || cells[6] !== 'added') continue;
      const user = cells[5] ?? '';
      audited.set(user, (audited.get(user) ?? 0) + 1);
    }
    expect(audited.size).toBe(1_000);
    expect([...audited.values()].every((times) => times === 1)).toBe(true);
  });
});
