// `npm run dev` as a developer runs it: stopping the npm process must stop the API server and Vite's dev
// server it started, not leave them holding their ports.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';

let dataDir: string | null = null;
let dev: ChildProcess | null = null;

afterEach(async () => {
  // Whatever the outcome, nothing this test started outlives it: the script runs in a process group of its own.
  if (dev?.pid !== undefined) {
    try {
      process.kill(-dev.pid, 'SIGKILL');
    } catch {
      // Already gone, as it should be.
    }
  }
  if (dataDir !== null) await rm(dataDir, { recursive: true, force: true });
});

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The developer's environment without what would point the script at a real project or another sign-in. */
function ownEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(CHAT_|AGORA_|EASEMOB_|AUTH_|TRUSTED_PROXIES$|HOST$)/.test(name),
    ),
  );
}

/** The ports the script says it serves on: the API's, then the dashboard's. */
function announcedPorts(output: string): number[] | null {
  // eslint-disable-next-line no-control-regex -- Vite colours its lines
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const api = /API on http:\/\/127\.0\.0\.1:(\d+)/.exec(plain)?.[1];
  const page = /Local:\s+http:\/\/[^:]+:(\d+)/.exec(plain)?.[1];
  return api === undefined || page === undefined ? null : [Number(api), Number(page)];
}

it('stopping npm run dev stops both servers it started', async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'tma-dev-'));
  const child = spawn('npm', ['run', 'dev'], {
    env: { ...ownEnvironment(), PORT: '0', DEV_PORT: '0', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  dev = child;
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));

  await expect.poll(() => announcedPorts(output), { timeout: 40_000 }).not.toBeNull();
  const ports = announcedPorts(output) ?? [];
  for (const port of ports) expect(await accepts(port), `port ${port} before the stop`).toBe(true);

  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  for (const port of ports) {
    await expect
      .poll(() => accepts(port), { timeout: 10_000, message: `port ${port} after the stop` })
      .toBe(false);
  }
}, 60_000);
