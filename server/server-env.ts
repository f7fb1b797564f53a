// The values middleware hands to later handlers of the same request.
import type { Identity } from './identity.ts';

export interface ServerEnv {
  Variables: {
    /** Our own id for the request, also sent back as X-Request-Id and written to the log and audit log. */
    requestId: string;
    identity: Identity;
    /** Set once a member change was sent to the Chat API (and recorded as sent). */
    changeSent: boolean;
  };
}
