// Ids that tie the calls of one bulk operation together in the audit log.

/**
 * 128 random bits as hex. crypto.randomUUID exists only in secure contexts, and the dashboard may be
 * opened over plain http on a LAN address; getRandomValues works everywhere.
 */
export function newOperationId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
