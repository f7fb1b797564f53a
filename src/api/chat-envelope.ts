// Reads the parts of the Chat API's success envelope that the endpoints share.
import { asOptionalString, asRecord } from './parse.ts';

/** The cursor of the next page, or null when the API gave none (or an empty one). */
export function nextCursor(envelope: Record<string, unknown>, endpoint: string): string | null {
  if (envelope.properties === undefined || envelope.properties === null) return null;
  const properties = asRecord(envelope.properties, `${endpoint} properties`);
  return asOptionalString(properties.cursor, `${endpoint} properties.cursor`) || null;
}
