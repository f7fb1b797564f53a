// Gzips text responses for browsers that accept it. Hashed assets never change, so each is compressed once.
import { gzipSync } from 'node:zlib';

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json)|image\/svg\+xml)/;
const MIN_BYTES = 1024;
const cache = new Map<string, Uint8Array<ArrayBuffer>>();

export function acceptsGzip(request: Request): boolean {
  const header = request.headers.get('accept-encoding') ?? '';
  const gzip = header.split(',').find((part) => part.trim().toLowerCase().startsWith('gzip'));
  return gzip !== undefined && !/;\s*q=0(\.0*)?\s*$/.test(gzip);
}

/** The gzipped body, or null when compressing would not help. `cacheKey` is set for immutable content. */
export function gzipBody(
  body: Uint8Array<ArrayBuffer>,
  contentType: string,
  cacheKey: string | null,
): Uint8Array<ArrayBuffer> | null {
  if (body.byteLength < MIN_BYTES || !COMPRESSIBLE.test(contentType)) return null;
  const cached = cacheKey === null ? undefined : cache.get(cacheKey);
  if (cached) return cached;
  const compressed = new Uint8Array(gzipSync(body));
  if (cacheKey !== null) cache.set(cacheKey, compressed);
  return compressed;
}
