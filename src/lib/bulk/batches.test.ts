import { describe, expect, it } from 'vitest';
import { bisect, splitIntoBatches } from './batches.ts';
import { fakeUsers } from './fake-thread.ts';

describe('splitIntoBatches', () => {
  it('cuts 25 users into 10, 10 and 5, keeping the order', () => {
    const users = fakeUsers(25);
    const batches = splitIntoBatches(users);
    expect(batches.map((batch) => batch.length)).toEqual([10, 10, 5]);
    expect(batches.flat()).toEqual(users);
  });

  it('makes no batch of nothing', () => {
    expect(splitIntoBatches([])).toEqual([]);
    expect(splitIntoBatches(fakeUsers(10))).toHaveLength(1);
  });

  it('refuses a batch size the API could not take', () => {
    expect(() => splitIntoBatches(['a'], 0)).toThrow(RangeError);
  });
});

describe('bisect', () => {
  it('halves with the odd one in the first half', () => {
    expect(bisect(['a', 'b', 'c'])).toEqual([['a', 'b'], ['c']]);
  });
});
