// Starts the emulator CLI in a child process, as staging would run it, and reads its base URL and token.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface RunningEmulator {
  baseUrl: string;
  token: string;
  stop(): void;
}

const projectRoot = path.resolve(import.meta.dirname, '..');

export function startEmulatorProcess(args: readonly string[]): Promise<RunningEmulator> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'emulator/cli.ts', '--port', '0', '--db', ':memory:', ...args],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('exit', (code) =>
      reject(new Error(`The emulator exited with code ${String(code)}:\n${output}`)),
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const baseUrl = /base URL:\s+(\S+)/.exec(output)?.[1];
      const token = /\n(007\S+)/.exec(output)?.[1];
      if (baseUrl && token) resolve({ baseUrl, token, stop: () => child.kill('SIGTERM') });
    });
  });
}
