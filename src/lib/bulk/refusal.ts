// Narrows down a batch the API refused as a whole, so that only the users at fault end up refused.
import { normalizeUsername } from '../username.ts';
import { bisect } from './batches.ts';

export interface RefusalSplit {
  /** Users the refusal is certainly about. */
  refused: string[];
  /** Batches to send again; the users at fault are somewhere among them. */
  resend: string[][];
}

/**
 * When the reason names users (`users [a, b] are not members of this group!`), those are refused and the rest
 * is sent again in one batch. Otherwise the batch is halved until the refusal pins a single user.
 */
export function splitRefusedBatch(batch: readonly string[], named: readonly string[] | null): RefusalSplit {
  const culprits = new Set((named ?? []).map(normalizeUsername));
  const refused = batch.filter((username) => culprits.has(normalizeUsername(username)));
  if (refused.length > 0) {
    const rest = batch.filter((username) => !culprits.has(normalizeUsername(username)));
    return { refused, resend: rest.length > 0 ? [rest] : [] };
  }
  if (batch.length <= 1) return { refused: [...batch], resend: [] };
  return { refused: [], resend: bisect(batch).filter((half) => half.length > 0) };
}
