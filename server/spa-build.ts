// Builds the SPA and its server entry with Vite when dist/ is missing or older than its sources, so `npm start`
// always serves fresh code, also when two servers start at once in one checkout.
import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { withFileLock } from './file-lock.ts';
import { SERVER_ENTRY } from './first-screen.ts';

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
  const browserBuilt = await mtimeOrNull(path.join(distDir, 'index.html'));
  const serverBuilt = await mtimeOrNull(path.join(distDir, SERVER_ENTRY));
  if (browserBuilt === null || serverBuilt === null) return true;
  const built = Math.min(browserBuilt, serverBuilt);
  for (const source of SPA_SOURCES) {
    if ((await newestMtime(path.join(projectRoot, source))) > built) return true;
  }
  return false;
}

/** Where `npm run build` points `vite build --ssr`. */
const SERVER_ENTRY_SOURCE = 'src/entry-server.tsx';

function hasCode(error: unknown, ...codes: string[]): boolean {
  return codes.includes((error as NodeJS.ErrnoException).code ?? '');
}

/**
 * Puts a finished build where dist/ is. Two renames, so that dist/ is never a build being emptied or
 * half-written under a server that is serving it; between the two it is missing for a moment, and a request
 * then gets the "not built" answer.
 */
async function moveIntoPlace(built: string, distDir: string): Promise<void> {
  const aside: string[] = [];
  for (;;) {
    const old = `${distDir}.old-${process.pid}-${aside.length}`;
    await rename(distDir, old).then(
      () => aside.push(old),
      (error: unknown) => {
        if (!hasCode(error, 'ENOENT')) throw error;
      },
    );
    try {
      await rename(built, distDir);
      break;
    } catch (error) {
      // Another build moved in between the two renames: move it aside too, and try again.
      if (!hasCode(error, 'ENOTEMPTY', 'EEXIST')) throw error;
    }
  }
  for (const old of aside) await rm(old, { recursive: true, force: true });
}

/**
 * Runs what `npm run build` runs, through Vite's JS API, when needed: the browser's bundle, then the server
 * entry (in that order: the first empties its folder). It builds into a folder of its own and then moves that
 * into place; one build at a time, so that a second start waiting for the first finds dist/ fresh. Returns
 * whether it built.
 */
export async function buildSpaIfStale(projectRoot: string, distDir: string): Promise<boolean> {
  return withFileLock(`${distDir}.lock`, async () => {
    if (!(await spaBuildIsStale(projectRoot, distDir))) return false;
    const built = `${distDir}.building-${process.pid}`;
    try {
      // Imported lazily: Vite is large and a fresh dist/ should not pay for loading it.
      const { build } = await import('vite');
      await build({ root: projectRoot, logLevel: 'warn', build: { outDir: built, emptyOutDir: true } });
      await build({
        root: projectRoot,
        logLevel: 'warn',
        build: { ssr: SERVER_ENTRY_SOURCE, outDir: path.join(built, 'server') },
      });
      await moveIntoPlace(built, distDir);
    } finally {
      await rm(built, { recursive: true, force: true });
    }
    return true;
  });
}
