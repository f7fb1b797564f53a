// The one error type of the fetch layer: every failed call to /api becomes an ApiError.

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** What was being fetched, in words a moderator understands ("the session", "thread members"). */
    readonly endpoint: string,
    /** HTTP status, or 0 when no response arrived (network down, aborted, timed out). */
    readonly status: number,
    /** The API's `error` code, e.g. `reach_limit`, when the response carried the error envelope. */
    readonly code: string | null,
    /** The API's `error_description`, or a description of what went wrong. */
    readonly description: string,
  ) {
    super(
      `${endpoint}: ${status === 0 ? 'no response' : `HTTP ${status}`}${code ? ` ${code}` : ''} – ${description}`,
    );
  }
}
