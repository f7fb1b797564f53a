// Small parsers for response bodies: the boundary where unknown JSON becomes typed data.

export class MalformedResponse extends Error {
  override readonly name = 'MalformedResponse';
}

export function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MalformedResponse(`${what} is not an object`);
  }
  return value as Record<string, unknown>;
}

export function asString(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new MalformedResponse(`${what} is not a string`);
  return value;
}

export function asOptionalString(value: unknown, what: string): string | undefined {
  return value === undefined || value === null ? undefined : asString(value, what);
}

export function asNumber(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new MalformedResponse(`${what} is not a number`);
  }
  return value;
}
