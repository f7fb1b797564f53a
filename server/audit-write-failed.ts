// A change the Chat API was sent but the audit log could not record: the server's failure, named as such.
export class AuditWriteFailed extends Error {
  override name = 'AuditWriteFailed';

  constructor(
    /** The Chat API's status, or null when it gave no answer. */
    readonly upstreamStatus: number | null,
    cause: unknown,
  ) {
    super('The audit log could not record a change.', { cause });
  }
}
