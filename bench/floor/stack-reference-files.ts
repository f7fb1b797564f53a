// Builds the stack reference page into the served dist copy, with the preload hint for the benchmark's thread.
import react from '@vitejs/plugin-react';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { DEFAULT_PAGE_SIZE, memberPagePath } from '../../src/lib/members-page-address.ts';
import { fetchPreloadLinks, insertIntoHead } from '../../server/preload-links.ts';

const PAGE = 'stack-reference.html';

/** Writes stack-reference.html and its assets into `distDir`; the page is then at /stack-reference.html. */
export async function writeStackReference(distDir: string, threadId: string): Promise<void> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'tma-stack-reference-'));
  try {
    await build({
      configFile: false,
      root: import.meta.dirname,
      logLevel: 'warn',
      plugins: [react()],
      build: {
        outDir,
        emptyOutDir: true,
        // Under assets/, so the server compresses and caches them as it does the app's chunks; in a folder
        // of their own, so the bundle-size table (which lists assets/ itself) leaves them out.
        assetsDir: 'assets/stack-reference',
        rollupOptions: { input: path.join(import.meta.dirname, PAGE) },
      },
    });
    const html = await readFile(path.join(outDir, PAGE), 'utf8');
    const firstPage = `/api/${memberPagePath(threadId, DEFAULT_PAGE_SIZE, '')}`;
    await writeFile(path.join(outDir, PAGE), insertIntoHead(html, fetchPreloadLinks([firstPage])));
    await cp(outDir, distDir, { recursive: true });
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
