// The server's stream of operation events. EventSource reconnects by itself and sends the last event's id,
// so the server replays what was missed; after a server restart it says `reset` instead.
import { MalformedResponse } from './parse.ts';
import {
  parseOperationSummary,
  parseSettledItems,
  type OperationSummary,
  type SettledItems,
} from './operations.ts';

export type OperationEvent =
  | { type: 'operation'; operation: OperationSummary }
  | { type: 'settled'; settled: SettledItems }
  | { type: 'reset' };

const EVENTS_URL = '/api/operations/events';

/**
 * Calls `onEvent` for each event until the returned function is called. `onConnected` hears each (re)connection:
 * events may have been missed while it was down, and a `reset` may follow. Does nothing where there is no
 * EventSource (unit tests).
 */
export function followOperations(
  onEvent: (event: OperationEvent) => void,
  onConnected: () => void = () => undefined,
): () => void {
  if (typeof EventSource === 'undefined') return () => undefined;
  const source = new EventSource(EVENTS_URL);
  const parsed = (type: string, read: (data: unknown) => OperationEvent) =>
    source.addEventListener(type, (message) => {
      try {
        onEvent(read(JSON.parse(String(message.data)) as unknown));
      } catch (error) {
        // A malformed event is a defect of ours; reading everything afresh is the safe way on.
        if (!(error instanceof MalformedResponse || error instanceof SyntaxError)) throw error;
        onEvent({ type: 'reset' });
      }
    });
  parsed('operation', (data) => ({ type: 'operation', operation: parseOperationSummary(data) }));
  parsed('settled', (data) => ({ type: 'settled', settled: parseSettledItems(data) }));
  parsed('reset', () => ({ type: 'reset' }));
  source.addEventListener('open', onConnected);
  return () => source.close();
}
