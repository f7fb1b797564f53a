// A JSON object, as opposed to an array, null or a primitive: the first check on any body read from outside.
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
