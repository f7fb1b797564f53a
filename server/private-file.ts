// Files of the server's data (audit log, emulator database) are readable by their owner only: the audit log
// names who changed what, and nobody else on the machine needs to read or could be trusted to write it.
import { chmod, mkdir, open } from 'node:fs/promises';
import path from 'node:path';

/** SQLite's companions of a database file; it creates them with the database file's own permissions. */
const SQLITE_COMPANIONS = ['-wal', '-shm', '-journal'];

/**
 * Creates `file` (and its folder, owner-only when new) if missing, and makes it and any SQLite companion
 * files owner-only (0600), also when an older version created them readable by others.
 */
export async function ensureOwnerOnlyFile(file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  // Created with the mode at once, so there is no moment in which others could open it.
  const handle = await open(file, 'a', 0o600);
  await handle.close();
  await chmod(file, 0o600);
  for (const suffix of SQLITE_COMPANIONS) {
    await chmod(`${file}${suffix}`, 0o600).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    });
  }
}
