// The real server for the browser benchmarks: a copy of the built SPA plus the floor page, on a fresh demo database.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApiServer } from '../server/api-server.ts';
import { loadConfig } from '../server/config.ts';
import type { Logger } from '../server/logger.ts';
import { buildSpaIfStale } from '../server/spa-build.ts';
import { floorPageFiles } from './floor/floor-files.ts';

export interface ServerUnderTest {
  url: string;
  /** The copy of dist/ being served (with floor.html and floor.js added). */
  distDir: string;
  close(): Promise<void>;
}

const projectRoot = path.resolve(import.meta.dirname, '..');

/** Request logs would bury the tables, and writing them would add to the timings. */
const silentLogger: Logger = { log: () => undefined };

export async function startServerUnderTest(): Promise<ServerUnderTest> {
  const projectDist = path.join(projectRoot, 'dist');
  if (await buildSpaIfStale(projectRoot, projectDist)) console.log('(built dist/ for the benchmark)');
  // A copy, so a rebuild during the run cannot change what is measured, and the floor page stays out of dist/.
  const workDir = await mkdtemp(path.join(tmpdir(), 'tma-bench-'));
  const distDir = path.join(workDir, 'dist');
  try {
    await cp(projectDist, distDir, { recursive: true });
    for (const [name, content] of await floorPageFiles()) await writeFile(path.join(distDir, name), content);
    const server = await startApiServer(loadConfig({ PORT: '0', DATA_DIR: path.join(workDir, 'data') }), {
      distDir,
      logger: silentLogger,
    });
    return {
      url: server.localUrl,
      distDir,
      async close() {
        await server.close();
        await rm(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
}
