import { describe, expect, it } from 'vitest';
import { parseUsernames } from './username-list.ts';

describe('parseUsernames', () => {
  it('splits on any mix of newlines, commas, semicolons, spaces and tabs', () => {
    expect(parseUsernames('alice,bob;carol\tdave\r\nerin  frank\n\n').valid).toEqual([
      'alice',
      'bob',
      'carol',
      'dave',
      'erin',
      'frank',
    ]);
  });

  it('lower-cases names, keeps the first of duplicates ignoring case, and counts both', () => {
    const parsed = parseUsernames('Alice alice ALICE bob');
    expect(parsed.valid).toEqual(['alice', 'bob']);
    expect(parsed.duplicates).toEqual(['alice', 'ALICE']);
    expect(parsed.lowerCased).toBe(1);
  });

  it('reads back a name the product wrote formula-protected, and nothing else starting with a quote', () => {
    const parsed = parseUsernames(`'-bob '@carol 'dave`);
    expect(parsed.valid).toEqual(['-bob']);
    expect(parsed.invalid.map(({ entry }) => entry)).toEqual(['@carol', "'dave"]);
  });

  it('names each invalid entry with its reason and never sends it', () => {
    const parsed = parseUsernames(`ok bad!name ${'x'.repeat(65)} "quoted" ""`);
    expect(parsed.valid).toEqual(['ok', 'quoted']);
    expect(parsed.invalid).toEqual([
      { entry: 'bad!name', problem: 'bad-character' },
      { entry: 'x'.repeat(65), problem: 'too-long' },
      { entry: '', problem: 'empty' },
    ]);
  });
});
