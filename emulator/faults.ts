// Decides which calls fail and how, to rehearse a client against an unreliable service.
// "before-*" faults answer before anything is applied (the call can be retried safely); "after-*" faults
// apply the call and then lose the answer, which is what makes blind retries of mutations dangerous.
import type { LatencySetting } from './latency.ts';

export type FaultKind = 'before-500' | 'before-503' | 'before-504' | 'after-500' | 'after-drop';

export const FAULT_KINDS: readonly FaultKind[] = [
  'before-500',
  'before-503',
  'before-504',
  'after-500',
  'after-drop',
];

export interface FaultSettings {
  latency: LatencySetting | null;
  faultRate: number;
  /** Faults forced onto the next calls, in order, before faultRate is consulted (deterministic tests). */
  script: FaultKind[];
}

const BEFORE: readonly FaultKind[] = ['before-500', 'before-503', 'before-504'];
const AFTER: readonly FaultKind[] = ['after-500', 'after-drop'];

function pick(kinds: readonly FaultKind[], random: () => number): FaultKind {
  const index = Math.min(kinds.length - 1, Math.floor(random() * kinds.length));
  return kinds[index] ?? 'before-500';
}

/**
 * Draws random numbers in a fixed order (tests inject `random`): one to decide whether the call is faulted,
 * one for before/after, one for the kind within that half.
 */
export function decideFault(settings: FaultSettings, random: () => number): FaultKind | null {
  const scripted = settings.script.shift();
  if (scripted) return scripted;
  if (settings.faultRate <= 0 || random() >= settings.faultRate) return null;
  return random() < 0.5 ? pick(BEFORE, random) : pick(AFTER, random);
}
