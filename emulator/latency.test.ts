// The processing-time settings: a fixed range and the heavy-tailed realistic preset.
import { describe, expect, it } from 'vitest';
import { latencyFor } from './latency.ts';
import type { CallKind } from './latency.ts';
import { createPrng } from './prng.ts';

function draws(kind: CallKind, count: number): number[] {
  const random = createPrng(12);
  return Array.from({ length: count }, () => latencyFor('realistic', kind, random));
}

const share = (values: number[], test: (ms: number) => boolean) => values.filter(test).length / values.length;

describe('latency', () => {
  it('draws a range uniformly and nothing without a setting', () => {
    const random = createPrng(3);
    const values = Array.from({ length: 500 }, () => latencyFor({ minMs: 10, maxMs: 20 }, 'other', random));
    expect(Math.min(...values)).toBe(10);
    expect(Math.max(...values)).toBe(20);
    expect(latencyFor(null, 'remove-members', random)).toBe(0);
  });

  it('realistic: most calls 80-400 ms, some adds about 1 s, some removes 5-12 s', () => {
    const other = draws('other', 2000);
    expect(other.every((ms) => ms >= 80 && ms <= 400)).toBe(true);

    const adds = draws('add-members', 2000);
    expect(share(adds, (ms) => ms <= 400)).toBeGreaterThan(0.7);
    expect(share(adds, (ms) => ms >= 800 && ms <= 1300)).toBeGreaterThan(0.1);
    expect(adds.every((ms) => ms <= 1300)).toBe(true);

    const removes = draws('remove-members', 2000);
    expect(share(removes, (ms) => ms <= 400)).toBeGreaterThan(0.8);
    expect(share(removes, (ms) => ms >= 5000 && ms <= 12_000)).toBeGreaterThan(0.05);
  });
});
