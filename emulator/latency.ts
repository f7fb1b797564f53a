// How long the service takes to process a call once it has arrived: a fixed range, or a heavy-tailed preset
// shaped after the documentation's examples (an add answered in 1,069 ms, a remove in 12,412 ms).
import { randomInt } from './prng.ts';

export interface LatencyRange {
  minMs: number;
  maxMs: number;
}

/** A range, or `realistic`: most calls 80-400 ms, some adds about 1 s, some removes 5-12 s. */
export type LatencySetting = LatencyRange | 'realistic';

/** What kind of call is delayed; only the realistic preset tells them apart. */
export type CallKind = 'add-members' | 'remove-members' | 'other';

const USUAL: LatencyRange = { minMs: 80, maxMs: 400 };
/** Share of adds that take about a second, and the range they take. */
const SLOW_ADD = { share: 0.2, range: { minMs: 800, maxMs: 1300 } };
/** Share of removes that take 5-12 s, like the documented 12,412 ms. */
const SLOW_REMOVE = { share: 0.1, range: { minMs: 5000, maxMs: 12_000 } };

function within(range: LatencyRange, random: () => number): number {
  return range.maxMs <= range.minMs ? range.minMs : randomInt(random, range.minMs, range.maxMs);
}

function realisticRange(kind: CallKind, random: () => number): LatencyRange {
  const slow = kind === 'add-members' ? SLOW_ADD : kind === 'remove-members' ? SLOW_REMOVE : null;
  // One draw decides the tail for every kind, so the number of draws per call does not depend on the kind.
  const tail = random();
  return slow !== null && tail < slow.share ? slow.range : USUAL;
}

/** Milliseconds of processing time for one call (0 without a setting). */
export function latencyFor(setting: LatencySetting | null, kind: CallKind, random: () => number): number {
  if (setting === null) return 0;
  return within(setting === 'realistic' ? realisticRange(kind, random) : setting, random);
}

export function isValidLatency(setting: LatencySetting): boolean {
  if (setting === 'realistic') return true;
  return (
    Number.isFinite(setting.minMs) &&
    Number.isFinite(setting.maxMs) &&
    setting.minMs >= 0 &&
    setting.maxMs >= setting.minMs
  );
}

/** For start-up lines: `80-400 ms` or `realistic`. */
export function describeLatency(setting: LatencySetting): string {
  return setting === 'realistic'
    ? 'realistic (80-400 ms, some adds ~1 s, some removes 5-12 s)'
    : `${setting.minMs}-${setting.maxMs} ms`;
}

export function sleep(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}
