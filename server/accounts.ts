// Local accounts for AUTH_MODE=password: a JSON file of names, roles and salted scrypt password hashes.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Role } from './identity.ts';

export interface Account {
  name: string;
  role: Role;
  /** `scrypt$N$r$p$salt$hash`, salt and hash in base64. */
  password: string;
}

/** Costs about 50 ms and 32 MB per hash on a small server: slow for a guesser, fine for a sign-in. */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

export const ACCOUNT_NAME = /^[A-Za-z0-9_.@+-]{1,64}$/;
export const MIN_PASSWORD_LENGTH = 10;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password, salt, KEY_LENGTH, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** A hash that matches nothing, checked against for unknown names so they take as long as known ones. */
const DECOY = `scrypt$${COST.N}$${COST.r}$${COST.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEY_LENGTH).toString('base64')}`;

export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const [kind, n, r, p, salt, key] = (stored ?? DECOY).split('$');
  if (kind !== 'scrypt' || salt === undefined || key === undefined) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return stored !== undefined && actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The accounts file exists but cannot be used; the message names the file and what to do. */
export class AccountsFileUnusable extends Error {
  override name = 'AccountsFileUnusable';
}

function parseAccounts(text: string, file: string): Account[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AccountsFileUnusable(
      `${file} is not valid JSON; restore it from a backup, or move it aside and add the accounts again with "npm run users -- add".`,
    );
  }
  const accounts: unknown =
    typeof parsed === 'object' && parsed !== null && 'accounts' in parsed ? parsed.accounts : undefined;
  if (!Array.isArray(accounts)) {
    throw new AccountsFileUnusable(
      `${file} has no "accounts" list; restore it from a backup, or move it aside and add the accounts again with "npm run users -- add".`,
    );
  }
  return accounts.filter(isAccount);
}

function isAccount(value: unknown): value is Account {
  if (typeof value !== 'object' || value === null) return false;
  const { name, role, password } = value as Record<string, unknown>;
  return (
    typeof name === 'string' && (role === 'viewer' || role === 'moderator') && typeof password === 'string'
  );
}

export async function readAccounts(file: string): Promise<Account[]> {
  try {
    return parseAccounts(await readFile(file, 'utf8'), file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    if (code === undefined) throw error;
    throw new AccountsFileUnusable(
      `${file} cannot be read (${code}); check that it is a file and that the server's user may read it.`,
    );
  }
}

/** Written to a temporary file and renamed, so a crash never leaves half a file; readable by the owner only. */
export async function writeAccounts(file: string, accounts: readonly Account[]): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify({ accounts }, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);
}

/** Writes accounts given with their passwords in the clear, hashing each: for set-up scripts and tests. */
export async function writeAccountsWithPasswords(
  file: string,
  accounts: readonly { name: string; role: Role; password: string }[],
): Promise<void> {
  const hashed = await Promise.all(
    accounts.map(async ({ name, role, password }) => ({
      name,
      role,
      password: await hashPassword(password),
    })),
  );
  await writeAccounts(file, hashed);
}

export function findAccount(accounts: readonly Account[], name: string): Account | undefined {
  const wanted = name.toLowerCase();
  return accounts.find((account) => account.name.toLowerCase() === wanted);
}

/** The server's view of the file: re-read when it changes, so `npm run users` takes effect without a restart. */
export function watchedAccounts(file: string): () => Promise<Account[]> {
  let cached: { version: string; accounts: Account[] } | null = null;
  return async () => {
    let version: string;
    try {
      // `npm run users` replaces the file by renaming, so the inode changes even within one clock tick.
      const info = await stat(file);
      version = `${info.ino}:${info.mtimeMs}:${info.size}`;
    } catch {
      return [];
    }
    if (cached?.version !== version) cached = { version, accounts: await readAccounts(file) };
    return cached.accounts;
  };
}
