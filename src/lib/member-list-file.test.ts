import { describe, expect, it } from 'vitest';
import { memberFileName, memberFileText, membersCsv, membersText } from './member-list-file.ts';

describe('member list files', () => {
  it('writes CSV with a username header and formula-protected cells', async () => {
    expect(await membersCsv(['alice', '-bob', '=cmd'])).toBe(
      '\uFEFFusername\r\nalice\r\n"\'-bob"\r\n"\'=cmd"\r\n',
    );
  });

  it('writes plain text one username per line', async () => {
    expect(membersText(['alice', 'bob'])).toBe('alice\nbob\n');
    expect(membersText([])).toBe('');
    expect(await memberFileText(['alice'], 'txt')).toBe('alice\n');
  });

  it('names files by thread and local time', () => {
    const at = new Date(2026, 0, 5, 9, 7, 59);
    expect(memberFileName('members', '180000000100002', at, 'csv')).toBe(
      'members-180000000100002-2026-01-05-0907.csv',
    );
    expect(memberFileName('members', '180000000100002', at, 'txt')).toBe(
      'members-180000000100002-2026-01-05-0907.txt',
    );
  });
});
