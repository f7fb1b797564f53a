// One process at a time: a lock file holding its holder's process id, created only if absent. A lock whose
// holder has died is taken over, so a build killed half-way never blocks the next start.
import { open, readFile, rm, stat } from 'node:fs/promises';

const RECHECK_MS = 200;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function tryToTake(lockFile: string): Promise<boolean> {
  try {
    const handle = await open(lockFile, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  }
}

/** The holder's pid, or null while the holder has created the file but not yet written it. */
async function holder(lockFile: string): Promise<number | null> {
  const text = await readFile(lockFile, 'utf8').catch(() => '');
  return /^\d+$/.test(text) ? Number(text) : null;
}

/** A lock still without its holder's pid after this long was left by a holder that died in between. */
const UNWRITTEN_STALE_MS = 10_000;

async function unwrittenTooLong(lockFile: string): Promise<boolean> {
  const since = await stat(lockFile).then(
    (facts) => Date.now() - facts.mtimeMs,
    () => 0,
  );
  return since > UNWRITTEN_STALE_MS;
}

/** Runs `work` while holding `lockFile`, waiting for any other live holder to finish first. */
export async function withFileLock<T>(lockFile: string, work: () => Promise<T>): Promise<T> {
  while (!(await tryToTake(lockFile))) {
    const pid = await holder(lockFile);
    if (pid === null ? await unwrittenTooLong(lockFile) : !isAlive(pid)) {
      await rm(lockFile, { force: true });
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, RECHECK_MS));
  }
  try {
    return await work();
  } finally {
    await rm(lockFile, { force: true });
  }
}
