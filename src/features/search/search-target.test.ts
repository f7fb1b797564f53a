import { describe, expect, it } from 'vitest';
import { searchTarget } from './search-target.ts';

describe('searchTarget', () => {
  it('opens a thread for digits, trimming the space a paste brings along', () => {
    expect(searchTarget(' 180000000100003\n')).toEqual({ kind: 'thread', path: '/threads/180000000100003' });
  });

  it("opens a user's threads for a valid username, in the API's lower case", () => {
    expect(searchTarget('Alice.B-2_x')).toEqual({ kind: 'user', path: '/users/alice.b-2_x' });
  });

  it('says what it expected for empty text, characters no name has, and over-long names', () => {
    expect(searchTarget('  ')).toEqual({
      kind: 'invalid',
      message: expect.stringMatching(/^Enter a thread ID \(digits only/) as string,
    });
    expect(searchTarget('alice smith')).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('“alice smith” is neither a thread ID nor a username') as string,
    });
    expect(searchTarget('a'.repeat(65))).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('at most 64 characters; this has 65') as string,
    });
  });
});
