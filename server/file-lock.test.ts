import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from './file-lock.ts';

let dir: string;
let lockFile: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tma-lock-'));
  lockFile = path.join(dir, 'dist.lock');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('withFileLock', () => {
  it('lets one holder work at a time, in turn', async () => {
    const events: string[] = [];
    let releaseFirst = (): void => undefined;
    const first = withFileLock(lockFile, async () => {
      events.push('first starts');
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      events.push('first ends');
    });
    const second = withFileLock(lockFile, () => {
      events.push('second starts');
      return Promise.resolve();
    });
    await expect.poll(() => events).toEqual(['first starts']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(['first starts', 'first ends', 'second starts']);
  });

  it('takes over a lock whose holder has died, and leaves no lock behind', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(lockFile, String(dead));
    await expect(withFileLock(lockFile, () => Promise.resolve('built'))).resolves.toBe('built');
    await expect(withFileLock(lockFile, () => Promise.resolve('again'))).resolves.toBe('again');
  });

  it('gives the lock back when the work fails', async () => {
    await expect(withFileLock(lockFile, () => Promise.reject(new Error('build failed')))).rejects.toThrow(
      'build failed',
    );
    await expect(withFileLock(lockFile, () => Promise.resolve('next'))).resolves.toBe('next');
  });
});
