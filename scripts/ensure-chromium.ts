// Makes sure Playwright has a Chromium before the end-to-end suite runs, installing Debian's package where it can:
// the suite never downloads a browser from anywhere but the system's package manager.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from '../e2e/chromium.ts';

function run(command: string, args: string[]): boolean {
  console.log(`$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

function install(): void {
  if (process.env.CHROMIUM_PATH) {
    throw new Error(
      `CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but no file is there. Fix or unset it.`,
    );
  }
  console.log('No Chromium found for the end-to-end tests; installing one.');
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    if (
      run('apt-get', ['update', '-qq']) &&
      run('apt-get', ['install', '-y', '-qq', 'chromium']) &&
      findChromium()
    ) {
      return;
    }
  }
  throw new Error(
    'Could not install a Chromium. Install one with the system package manager (Debian: `apt-get install ' +
      'chromium`) or set CHROMIUM_PATH to its executable, then run the tests again.',
  );
}

try {
  if (!findChromium()) install();
  console.log(`End-to-end tests use Chromium at ${String(findChromium())}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
