// A dashboard of its own in a child process, for specs the suite's server cannot serve: password sign-in, and a
// server killed and started again. It talks to the suite server's embedded emulator, so both see the same threads.
import { spawn, type ChildProcess } from 'node:child_process';
import { DEMO_APP_CERTIFICATE, DEMO_APP_ID } from '../emulator/emulator.ts';
import { E2E_EMULATOR_CONTROL_PORT } from './ports.ts';

export interface DashboardProcess {
  url: string;
  /** Every line the server wrote to stdout and stderr: its JSON log, for the token scan. */
  output: string[];
  /** Ends it as an operator would (SIGTERM), or as a crash does (SIGKILL). */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

async function untilHealthy(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The dashboard on ${url} exited (${child.exitCode}): ${output.join('\n')}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The dashboard on ${url} did not answer /healthz within 90 s: ${output.join('\n')}`);
}

export async function startDashboardProcess({
  port,
  dataDir,
  env,
}: {
  port: number;
  dataDir: string;
  env: Record<string, string>;
}): Promise<DashboardProcess> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      CHAT_HOST: `http://127.0.0.1:${E2E_EMULATOR_CONTROL_PORT}`,
      CHAT_ORG: 'demo',
      CHAT_APP: 'moderation',
      // The emulator's public demo values, exactly as a real project's would be given.
      AGORA_APP_ID: DEMO_APP_ID,
      AGORA_APP_CERTIFICATE: DEMO_APP_CERTIFICATE,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  try {
    await untilHealthy(url, child, output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    output,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
