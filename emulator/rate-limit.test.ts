// The per-endpoint sliding-window rate limit, with an injected clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep } from './latency.ts';
import { createTestApi, expectChatError } from './test-support.ts';
import type { TestApi } from './test-support.ts';

let clock = 1_000_000;
let api: TestApi;
beforeAll(() => {
  api = createTestApi({ seed: 'none', now: () => clock });
  api.emulator.store.addUsers(['alice']);
});
afterAll(() => api.emulator.close());

async function statuses(count: number, path: string): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i++) result.push((await api.call('GET', path)).status);
  return result;
}

describe('rate limit', () => {
  it('allows 100 calls per second per endpoint, then 429 without Retry-After, and again the next second', async () => {
    clock += 10_000;
    expect(await statuses(100, '/thread')).toEqual(Array<number>(100).fill(200));
    const limited = await api.call('GET', '/thread');
    expectChatError(limited, 429, 'reach_limit', 'This request has reached api limit');
    expect(limited.headers.has('retry-after')).toBe(false);

    // Other endpoints have their own budget.
    expect((await api.call('GET', '/threads/user/alice')).status).toBe(200);

    // The window slides: 999 ms later still limited, 1000 ms later free again.
    clock += 999;
    expect((await api.call('GET', '/thread')).status).toBe(429);
    clock += 1;
    expect((await api.call('GET', '/thread')).status).toBe(200);
  });

  it('does not charge rejected calls, so steady overload does not lock a client out', async () => {
    clock += 10_000;
    await statuses(100, '/thread');
    clock += 500;
    expect(await statuses(50, '/thread')).toEqual(Array<number>(50).fill(429));
    clock += 500;
    expect(await statuses(100, '/thread')).toEqual(Array<number>(100).fill(200));
  });

  it('follows setFaults({ rateLimit }) and can be switched off', async () => {
    clock += 10_000;
    api.emulator.setFaults({ rateLimit: 3 });
    expect(await statuses(4, '/thread')).toEqual([200, 200, 200, 429]);
    api.emulator.setFaults({ rateLimit: null });
    expect(await statuses(150, '/thread')).toEqual(Array<number>(150).fill(200));
    api.emulator.setFaults({ rateLimit: 100 });
  });

  it('counts a call when it arrives: calls started at exactly N per second pass under a wide latency', async () => {
    let pacedClock = 5_000_000;
    const paced = createTestApi({
      seed: 'none',
      now: () => pacedClock,
      rateLimit: 5,
      latency: { minMs: 0, maxMs: 600 },
    });
    try {
      const calls: Promise<number>[] = [];
      // 15 calls, one every 200 ms of the emulator's clock: exactly 5 per second, each answered 0-600 ms
      // (real time) later, so answers overlap and come back out of order.
      for (let i = 0; i < 15; i++) {
        pacedClock = 5_000_000 + i * 200;
        calls.push(paced.call('GET', '/thread').then((response) => response.status));
        // Lets the call arrive (and be counted) before the clock moves on.
        await sleep(20);
      }
      expect(await Promise.all(calls)).toEqual(Array<number>(15).fill(200));
    } finally {
      paced.emulator.close();
    }
  });
});
