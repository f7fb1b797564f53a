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

/** After an answer that is not a stream (a 401 once the session ended, a 502 from a proxy), EventSource gives up. */
const RECONNECT_MS = 5_000;

/**
 * Calls `onEvent` for each event until the returned function is called. `onConnected` hears each (re)connection:
 * events may have been missed while it was down, and a `reset` may follow. Where EventSource gives up, a new
 * one starts after the last event seen. Does nothing where there is no EventSource (unit tests).
 */
export function followOperations(
  onEvent: (event: OperationEvent) => void,
  onConnected: () => void = () => undefined,
): () => void {
  if (typeof EventSource === 'undefined') return () => undefined;
  let lastId = '';
  let source: EventSource;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    source = new EventSource(
      lastId === '' ? EVENTS_URL : `${EVENTS_URL}?after=${encodeURIComponent(lastId)}`,
    );
    const parsed = (type: string, read: (data: unknown) => OperationEvent) =>
      source.addEventListener(type, (message) => {
        if (message.lastEventId !== '') lastId = message.lastEventId;
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
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) retry = setTimeout(connect, RECONNECT_MS);
    });
  };
  connect();
  return () => {
    clearTimeout(retry);
    source.close();
  };
}
