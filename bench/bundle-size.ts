// Gzipped size of the JavaScript the members page loads before any lazy import: the entry script of
// dist/index.html and every chunk it modulepreloads.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { passFail } from './stats.ts';
import { printTable } from './table.ts';

const TARGET_KB = 170;
const GZIP_LEVEL = 9;
const LARGEST_SHOWN = 5;

/** Same-origin script URLs in index.html: module entry scripts and module preloads, in document order. */
export function initialScripts(indexHtml: string): string[] {
  const tags = indexHtml.match(/<script\b[^>]*>|<link\b[^>]*>/gi) ?? [];
  return tags.flatMap((tag) => {
    const isEntry = /^<script\b/i.test(tag) && /\btype\s*=\s*["']?module\b/i.test(tag);
    const isPreload = /^<link\b/i.test(tag) && /\brel\s*=\s*["']?modulepreload\b/i.test(tag);
    const url = /\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1];
    return (isEntry || isPreload) && url !== undefined ? [url] : [];
  });
}

interface Chunk {
  file: string;
  bytes: number;
  gzipBytes: number;
}

async function chunk(distDir: string, file: string): Promise<Chunk> {
  const content = await readFile(path.join(distDir, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: GZIP_LEVEL }).length };
}

const kB = (bytes: number): string => (bytes / 1000).toFixed(1);

async function fetchedRow(distDir: string, paths: string[] | null): Promise<string[][]> {
  if (paths === null) return [];
  const fetched = await Promise.all(paths.map((url) => chunk(distDir, url.replace(/^\//, ''))));
  const sum = (pick: (part: Chunk) => number): number =>
    fetched.reduce((total, part) => total + pick(part), 0);
  const label = `for information: the ${fetched.length} scripts the page fetched before its first row`;
  return [[label, kB(sum((part) => part.bytes)), kB(sum((part) => part.gzipBytes)), '', '']];
}

/**
 * `fetchedBeforeFirstRow`: script paths the members page had fetched by its first row in the browser, or null.
 * It differs from index.html's list when the route is a lazy chunk that loads at once, and is shown beside it.
 */
export async function benchBundleSize(
  distDir: string,
  fetchedBeforeFirstRow: string[] | null,
): Promise<void> {
  const indexHtml = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const initialFiles = initialScripts(indexHtml).map((url) => url.replace(/^\//, ''));
  const initial = await Promise.all(initialFiles.map((file) => chunk(distDir, file)));
  const totalGzip = initial.reduce((sum, part) => sum + part.gzipBytes, 0);
  const totalBytes = initial.reduce((sum, part) => sum + part.bytes, 0);
  printTable(
    `Initial JavaScript of the members page (entry script + modulepreloads of dist/index.html), gzip level ${GZIP_LEVEL}, kB = 1000 bytes`,
    ['file', 'kB', 'kB gzipped', 'target', 'result'],
    [
      ...initial.map((part) => [part.file, kB(part.bytes), kB(part.gzipBytes), '', '']),
      ['total', kB(totalBytes), kB(totalGzip), `≤ ${TARGET_KB} kB`, passFail(totalGzip <= TARGET_KB * 1000)],
      ...(await fetchedRow(distDir, fetchedBeforeFirstRow)),
    ],
  );
  const assets = (await readdir(path.join(distDir, 'assets'))).filter((name) => name.endsWith('.js'));
  const all = await Promise.all(assets.map((name) => chunk(distDir, `assets/${name}`)));
  const largest = all.sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, LARGEST_SHOWN);
  printTable(
    `Largest JavaScript chunks in dist/assets (${all.length} in all), gzip level ${GZIP_LEVEL}`,
    ['file', 'kB', 'kB gzipped', 'loaded'],
    largest.map((part) => [
      part.file,
      kB(part.bytes),
      kB(part.gzipBytes),
      initialFiles.includes(part.file) ? 'initially' : 'on demand',
    ]),
  );
}
