// Cuts a list of usernames into the API's batches (endpoints 2 and 3 take at most 10 per call).

export const MAX_BATCH_SIZE = 10;

/** Keeps the input order; the caller has already validated, normalised and deduplicated the names. */
export function splitIntoBatches(usernames: readonly string[], size = MAX_BATCH_SIZE): string[][] {
  if (!(Number.isInteger(size) && size >= 1)) throw new RangeError('batch size must be a positive integer');
  const batches: string[][] = [];
  for (let i = 0; i < usernames.length; i += size) batches.push(usernames.slice(i, i + size));
  return batches;
}

/** Halves a batch to look for the names a whole-batch refusal is about. */
export function bisect(batch: readonly string[]): [string[], string[]] {
  const middle = Math.ceil(batch.length / 2);
  return [batch.slice(0, middle), batch.slice(middle)];
}
