import { describe, expect, it } from 'vitest';
import { entryText, parseUsernames } from './username-list.ts';

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

describe('parseUsernames with quoted entries', () => {
  it('reads a double-quoted entry as one, spaces, commas and semicolons included, never as several names', () => {
    const parsed = parseUsernames('"Ann Lee"\n"bad name" "a,b";"c;d" alice "say ""hi"""');
    expect(parsed.valid).toEqual(['alice']);
    expect(parsed.invalid).toEqual([
      { entry: 'Ann Lee', problem: 'bad-character' },
      { entry: 'bad name', problem: 'bad-character' },
      { entry: 'a,b', problem: 'bad-character' },
      { entry: 'c;d', problem: 'bad-character' },
      { entry: 'say "hi"', problem: 'bad-character' },
    ]);
  });

  it('takes an unclosed quote as a character of its entry', () => {
    const parsed = parseUsernames('"open ended');
    expect(parsed.invalid).toEqual([{ entry: '"open', problem: 'bad-character' }]);
    expect(parsed.valid).toEqual(['ended']);
  });

  it('reads a name the CSV export wrote quoted and protected as the name itself', () => {
    expect(parseUsernames(`username\r\n"'-bob"\r\nalice\r\n`).valid).toEqual(['username', '-bob', 'alice']);
  });
});

describe('entryText', () => {
  it('quotes a cell only when it holds a separator or a quote, so that the box reads it back as one entry', () => {
    const cells = ['alice', "'-bob", 'Ann Lee', 'a,b', 'c;d', 'tab\there', 'say "hi"'];
    expect(cells.map(entryText)).toEqual([
      'alice',
      "'-bob",
      '"Ann Lee"',
      '"a,b"',
      '"c;d"',
      '"tab\there"',
      '"say ""hi"""',
    ]);
    const parsed = parseUsernames(cells.map(entryText).join('\n'));
    expect([...parsed.valid, ...parsed.invalid.map(({ entry }) => entry)]).toEqual([
      'alice',
      '-bob',
      'Ann Lee',
      'a,b',
      'c;d',
      'tab\there',
      'say "hi"',
    ]);
  });
});
