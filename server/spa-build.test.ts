import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spaBuildIsStale } from './spa-build.ts';

let root: string;
let dist: string;
const at = (seconds: number): Date => new Date(seconds * 1000);

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'tma-build-'));
  dist = path.join(root, 'dist');
  await mkdir(path.join(root, 'src', 'features'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '');
  await writeFile(path.join(root, 'src', 'features', 'a.tsx'), '');
  for (const entry of ['index.html', 'src/features/a.tsx', 'src/features', 'src']) {
    await utimes(path.join(root, entry), at(1000), at(1000));
  }
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function writeBuild(seconds: number, { serverEntry = true } = {}): Promise<void> {
  await mkdir(path.join(dist, 'server'), { recursive: true });
  const built = serverEntry ? ['index.html', 'server/entry-server.js'] : ['index.html'];
  for (const file of built) {
    await writeFile(path.join(dist, file), '');
    await utimes(path.join(dist, file), at(seconds), at(seconds));
  }
}

describe('spaBuildIsStale', () => {
  it('is stale without dist/index.html', async () => {
    expect(await spaBuildIsStale(root, dist)).toBe(true);
  });

  it('is stale without the server entry that renders first screens', async () => {
    await writeBuild(2000, { serverEntry: false });
    expect(await spaBuildIsStale(root, dist)).toBe(true);
  });

  it('is fresh when the build is newer than every source', async () => {
    await writeBuild(2000);
    expect(await spaBuildIsStale(root, dist)).toBe(false);
  });

  it('is stale when a nested source file changed after the build', async () => {
    await writeBuild(2000);
    await utimes(path.join(root, 'src', 'features', 'a.tsx'), at(3000), at(3000));
    expect(await spaBuildIsStale(root, dist)).toBe(true);
  });

  it('is stale when vite.config.ts changed after the build', async () => {
    await writeBuild(2000);
    await writeFile(path.join(root, 'vite.config.ts'), '');
    await utimes(path.join(root, 'vite.config.ts'), at(3000), at(3000));
    expect(await spaBuildIsStale(root, dist)).toBe(true);
  });
});
