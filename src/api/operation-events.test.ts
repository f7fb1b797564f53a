import { afterEach, expect, it, vi } from 'vitest';
import { followOperations } from './operation-events.ts';

/** Just enough of EventSource: its URL, its listeners, and being closed by the browser. */
class FakeEventSource {
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = 1;
  readonly listeners = new Map<string, ((event: MessageEvent) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, init: MessageEventInit = {}) {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, init));
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  FakeEventSource.opened = [];
});

it('starts a new stream after the last event seen when the browser gives the stream up', () => {
  vi.useFakeTimers();
  vi.stubGlobal('EventSource', FakeEventSource);
  const events: string[] = [];
  const stop = followOperations((event) => events.push(event.type));
  const first = FakeEventSource.opened[0];
  first?.emit('reset', { data: '{}', lastEventId: '7.42' });
  // A 401 or a 502: the browser closes the stream and does not try again.
  first?.close();
  first?.emit('error');
  vi.advanceTimersByTime(5_000);
  expect(FakeEventSource.opened.map((source) => source.url)).toEqual([
    '/api/operations/events',
    '/api/operations/events?after=7.42',
  ]);
  expect(events).toEqual(['reset']);
  stop();
  expect(FakeEventSource.opened[1]?.readyState).toBe(FakeEventSource.CLOSED);
});
