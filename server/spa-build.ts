// Builds the SPA with Vite when dist/ is missing or older than its sources, so `npm start` always serves fresh code.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Inputs of the Vite build, relative to the project root. */
export const SPA_SOURCES = ['src', 'public', 'index.html', 'vite.config.ts'] as const;

async function mtimeOrNull(file: string): Promise<number | null> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return null;
  }
}

/** Newest modification time under `entry` (a file or a directory tree); 0 when it does not exist. */
async function newestMtime(entry: string): Promise<number> {
  let info;
  try {
    info = await stat(entry);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs; // a deleted file shows only as a newer directory mtime
  for (const child of await readdir(entry)) {
    newest = Math.max(newest, await newestMtime(path.join(entry, child)));
  }
  return newest;
}

export async function spaBuildIsStale(projectRoot: string, distDir: string): Promise<boolean> {
  const built = await mtimeOrNull(path.join(distDir, 'index.html'));
  if (built === null) return true;
  for (const source of SPA_SOURCES) {
    if ((await newestMtime(path.join(projectRoot, source))) > built) return true;
  }
  return false;
}

/** Runs `vite build` through its JS API when needed; returns whether it built. */
export async function buildSpaIfStale(projectRoot: string, distDir: string): Promise<boolean> {
  if (!(await spaBuildIsStale(projectRoot, distDir))) return false;
  // Imported lazily: Vite is large and a fresh dist/ should not pay for loading it.
  const { build } = await import('vite');
  await build({ root: projectRoot, logLevel: 'warn' });
  return true;
}
