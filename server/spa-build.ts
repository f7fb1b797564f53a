// Builds the SPA and its server entry with Vite when dist/ is missing or older than its sources, so `npm start`
// always serves fresh code.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
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

/**
 * Runs what `npm run build` runs, through Vite's JS API, when needed: the browser's bundle, then the server
 * entry (in that order: the first empties dist/). Returns whether it built.
 */
export async function buildSpaIfStale(projectRoot: string, distDir: string): Promise<boolean> {
  if (!(await spaBuildIsStale(projectRoot, distDir))) return false;
  // Imported lazily: Vite is large and a fresh dist/ should not pay for loading it.
  const { build } = await import('vite');
  await build({ root: projectRoot, logLevel: 'warn' });
  await build({ root: projectRoot, logLevel: 'warn', build: { ssr: SERVER_ENTRY_SOURCE } });
  return true;
}
