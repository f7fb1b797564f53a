import { describe, expect, it } from 'vitest';
import {
  appendUsernames,
  readUsernameFile,
  USERNAME_FILE_MAX_BYTES,
  type NamedFile,
} from './username-file.ts';
import { parseUsernames } from './username-list.ts';

const BOM = '\uFEFF';

async function refusalOf(file: NamedFile): Promise<string> {
  const reading = await readUsernameFile(file);
  if (reading.ok) throw new Error(`${file.name} was read, not refused`);
  return reading.message;
}

function fileOf(name: string, content: string | Uint8Array) {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return new File([bytes as BlobPart], name);
}

describe('readUsernameFile', () => {
  it('takes the "username" column of a CSV, matching the header ignoring case and spaces', async () => {
    const csv = `${BOM}id, UserName ,note\r\n1,alice,"likes, commas"\r\n2,Bob,"says ""hi"""\r\n3,,empty\r\n4,carol,"two\r\nlines"\r\n`;
    expect(await readUsernameFile(fileOf('members.csv', csv))).toEqual({
      ok: true,
      names: 'alice\nBob\ncarol',
      count: 3,
      source: 'username-column',
      problem: null,
    });
  });

  it('takes the first column of a CSV without a "username" header, first row included', async () => {
    expect(await readUsernameFile(fileOf('list.CSV', 'alice,x\nbob,y\n'))).toEqual({
      ok: true,
      names: 'alice\nbob',
      count: 2,
      source: 'first-column',
      problem: null,
    });
  });

  it('reads a semicolon-separated CSV as a spreadsheet in a decimal-comma locale writes it', async () => {
    const reading = await readUsernameFile(fileOf('export.csv', 'note;username\nhello, there;alice\n'));
    expect(reading).toMatchObject({ ok: true, names: 'alice', count: 1 });
  });

  it('takes a text file as it is, without its byte-order mark, counting entries as the Usernames box does', async () => {
    expect(await readUsernameFile(fileOf('names.txt', `${BOM}alice, bob\r\ncarol;bad!name\n`))).toEqual({
      ok: true,
      names: 'alice, bob\r\ncarol;bad!name\n',
      count: 4,
      source: 'text',
      problem: null,
    });
  });

  it('keeps each CSV cell one entry: a display name or a quoted list stays whole, to be shown invalid', async () => {
    const csv = 'username,note\nAnn Lee,x\nbad name,y\n"a,b",z\n"c;d",w\nalice,v\n';
    const reading = await readUsernameFile(fileOf('people.csv', csv));
    expect(reading).toEqual({
      ok: true,
      names: '"Ann Lee"\n"bad name"\n"a,b"\n"c;d"\nalice',
      count: 5,
      source: 'username-column',
      problem: null,
    });
    const parsed = parseUsernames(reading.ok ? reading.names : '');
    expect(parsed.valid).toEqual(['alice']);
    expect(parsed.invalid.map(({ entry }) => entry)).toEqual(['Ann Lee', 'bad name', 'a,b', 'c;d']);
  });

  it('says where a CSV is not well-formed', async () => {
    const reading = await readUsernameFile(fileOf('broken.csv', 'username\nalice\n"bob\ncarol\n'));
    expect(reading).toMatchObject({ ok: true, problem: 'row 3: quoted field unterminated' });
  });

  it('reads an empty file as no names', async () => {
    expect(await readUsernameFile(fileOf('empty.csv', ''))).toMatchObject({ ok: true, names: '', count: 0 });
  });

  it('refuses a file that is not .csv or .txt, naming it', async () => {
    expect(await refusalOf(fileOf('members.xlsx', 'alice'))).toContain(
      '"members.xlsx" is not a .csv or .txt file. Save the list as CSV or plain text',
    );
    expect(await refusalOf(fileOf('csv', 'alice'))).toContain('"csv" is not a .csv or .txt file');
  });

  it('refuses a file over 1 MB without reading it, and accepts one of exactly 1 MB', async () => {
    const tooBig = {
      name: 'huge.csv',
      size: USERNAME_FILE_MAX_BYTES + 1,
      arrayBuffer: () => Promise.reject(new Error('should not be read')),
    };
    const message = await refusalOf(tooBig);
    expect(message).toContain('"huge.csv" is 1.0 MB, over the 1 MB limit');
    expect(message).toContain('Split it into smaller files');
    const line = 'user000001\n';
    const exactly = line
      .repeat(Math.floor(USERNAME_FILE_MAX_BYTES / line.length))
      .padEnd(USERNAME_FILE_MAX_BYTES, '\n');
    expect(exactly.length).toBe(USERNAME_FILE_MAX_BYTES);
    expect(await readUsernameFile(fileOf('big.txt', exactly))).toMatchObject({ ok: true });
  });

  it('refuses a binary file: NUL bytes, or bytes that are not UTF-8', async () => {
    expect(await refusalOf(fileOf('data.csv', new Uint8Array([0x61, 0x00, 0x62])))).toContain(
      '"data.csv" is not a text file',
    );
    // "café" in Windows-1252: 0xE9 alone is not UTF-8.
    expect(await refusalOf(fileOf('legacy.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9])))).toContain(
      '"legacy.txt" is not UTF-8 text',
    );
  });

  it('says how to fix a UTF-16 file rather than calling it binary', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x61, 0x00]);
    expect(await refusalOf(fileOf('unicode.txt', utf16))).toContain('"unicode.txt" is saved as UTF-16 text');
  });
});

describe('appendUsernames', () => {
  it('keeps what the user typed and puts the names on new lines', () => {
    expect(appendUsernames('', 'a\nb')).toBe('a\nb');
    expect(appendUsernames('typed', 'a\nb')).toBe('typed\na\nb');
    expect(appendUsernames('typed\n', 'a')).toBe('typed\na');
    expect(appendUsernames('typed', '')).toBe('typed');
  });
});
