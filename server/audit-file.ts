// Opens the configured audit log file, creating it owner-only; a file that cannot be opened stops start-up.
import { openAuditStore, type AuditStore } from './audit-store.ts';
import { ConfigError, type AuditConfig } from './config.ts';
import { ensureOwnerOnlyFile } from './private-file.ts';

export async function openAuditLog({ file, retentionDays }: AuditConfig): Promise<AuditStore> {
  try {
    if (file !== ':memory:') await ensureOwnerOnlyFile(file);
    return openAuditStore(file, { retentionDays });
  } catch (error) {
    // Changes must not be made unrecorded, so the server does not start without its audit log.
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(
      `AUDIT_DB: cannot open the audit log at ${file} (${reason}); check the path and its permissions.`,
    );
  }
}
