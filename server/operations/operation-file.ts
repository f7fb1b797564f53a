// Opens the operations database under DATA_DIR; one that cannot be opened stops start-up, since operations
// that cannot be recorded could not be resumed or told apart after a restart.
import path from 'node:path';
import { ConfigError } from '../config.ts';
import { ensureOwnerOnlyFile } from '../private-file.ts';
import type { OperationStore } from './operation-store.ts';
import { openSqliteOperationStore } from './sqlite-operation-store.ts';

export async function openOperationStore(dataDir: string): Promise<OperationStore> {
  const file = path.join(dataDir, 'operations.sqlite');
  try {
    await ensureOwnerOnlyFile(file);
    return openSqliteOperationStore(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(
      `DATA_DIR: cannot open the operations database at ${file} (${reason}); check the folder and its permissions.`,
    );
  }
}
