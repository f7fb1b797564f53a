import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
  it('lets one holder work at a time, whoever comes first', async () => {
    let working = 0;
    let most = 0;
    const done: number[] = [];
    const work = (n: number) => async () => {
      working += 1;
      most = Math.max(most, working);
      // Work that gives the others many chances to cut in, as a build does; the lock names its holder.
      for (let i = 0; i < 5; i += 1) expect(await readFile(lockFile, 'utf8')).toBe(String(process.pid));
      working -= 1;
      done.push(n);
    };
    await Promise.all([1, 2, 3].map((n) => withFileLock(lockFile, work(n))));
    expect(most).toBe(1);
    expect(done.toSorted()).toEqual([1, 2, 3]);
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
