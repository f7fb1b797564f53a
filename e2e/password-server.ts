// A second dashboard with AUTH_MODE=password, started by the sign-in specs: the suite's own server runs
// without sign-in. It talks to the suite server's embedded emulator, so both see the same threads.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_APP_CERTIFICATE, DEMO_APP_ID } from '../emulator/emulator.ts';
import { writeAccountsWithPasswords } from '../server/accounts.ts';
import type { Role } from '../server/identity.ts';
import { E2E_EMULATOR_CONTROL_PORT, E2E_PASSWORD_PORT } from './ports.ts';

export const PASSWORD_SERVER_URL = `http://127.0.0.1:${E2E_PASSWORD_PORT}`;
const DATA_DIR = '.data/e2e-password';

export interface TestAccount {
  name: string;
  role: Role;
  password: string;
}

export interface PasswordServer {
  /** Every line the server wrote to stdout and stderr: its JSON log, for the token scan. */
  output: string[];
  stop(): Promise<void>;
}

async function untilHealthy(child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The password-mode server exited (${child.exitCode}): ${output.join('\n')}`);
    }
    try {
      if ((await fetch(`${PASSWORD_SERVER_URL}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The password-mode server did not answer /healthz within 90 s: ${output.join('\n')}`);
}

export async function startPasswordServer(accounts: readonly TestAccount[]): Promise<PasswordServer> {
  await rm(DATA_DIR, { recursive: true, force: true });
  await mkdir(DATA_DIR, { recursive: true });
  const usersFile = path.join(DATA_DIR, 'users.json');
  await writeAccountsWithPasswords(usersFile, accounts);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
    env: {
      ...process.env,
      PORT: String(E2E_PASSWORD_PORT),
      DATA_DIR,
      AUTH_MODE: 'password',
      USERS_FILE: usersFile,
      CHAT_HOST: `http://127.0.0.1:${E2E_EMULATOR_CONTROL_PORT}`,
      CHAT_ORG: 'demo',
      CHAT_APP: 'moderation',
      // The emulator's public demo values, exactly as a real project's would be given.
      AGORA_APP_ID: DEMO_APP_ID,
      AGORA_APP_CERTIFICATE: DEMO_APP_CERTIFICATE,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  try {
    await untilHealthy(child, output);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
