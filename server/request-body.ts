// Reads a request body up to a byte limit without buffering more than the limit allows.

export const TOO_LARGE = Symbol('too-large');

export async function readBodyWithLimit(
  request: Request,
  limitBytes: number,
): Promise<Uint8Array<ArrayBuffer> | typeof TOO_LARGE> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limitBytes) return TOO_LARGE;
  if (request.body === null) return new Uint8Array();

  // Content-Length may be absent (chunked) or wrong, so count what actually arrives.
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      // Not awaited: a body copied for the audit of refusals (a tee) settles its cancel only when the copy
      // is cancelled or read too, which happens after this answer.
      reader.cancel().catch(() => undefined);
      return TOO_LARGE;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
