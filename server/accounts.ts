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

/**
 * N = 2^17 is the least recommended today: 128 MiB and up to a second per hash on a small busy server,
 * slow for a guesser and bearable for a sign-in. Hashes made at a lower cost are upgraded at the next sign-in.
 */
export const PASSWORD_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
/** Room for one hash at PASSWORD_COST (128 * N * r bytes) and the little else scrypt needs. */
const MAX_MEMORY = 256 * 1024 * 1024;
/**
 * Hashes computed at once: each holds 128 MiB, and Node would run four side by side. More sign-ins at a time
 * wait their turn rather than take the server's memory.
 */
const AT_ONCE = 2;

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const ACCOUNT_NAME = /^[A-Za-z0-9_.@+-]{1,64}$/;
export const MIN_PASSWORD_LENGTH = 10;

let running = 0;
const waiting: (() => void)[] = [];

async function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  if (running >= AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await new Promise((resolve, reject) => {
      scryptCallback(password, salt, KEY_LENGTH, { ...options, maxmem: MAX_MEMORY }, (error, key) =>
        error ? reject(error) : resolve(key),
      );
    });
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

export async function hashPassword(password: string, cost: ScryptCost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface StoredHash {
  cost: ScryptCost;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): StoredHash | null {
  const [kind, n, r, p, salt, key, ...rest] = stored.split('$');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (kind !== 'scrypt' || salt === undefined || key === undefined || rest.length > 0) return null;
  if (![cost.N, cost.r, cost.p].every((value) => Number.isSafeInteger(value) && value > 0)) return null;
  return { cost, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

const costKey = ({ N, r, p }: ScryptCost): string => `${N}/${r}/${p}`;

/** Work below today's cost: such a hash is upgraded when its password is next given. */
const isWeaker = ({ N, r }: ScryptCost): boolean => N * r < PASSWORD_COST.N * PASSWORD_COST.r;

const DECOY_SALT = Buffer.alloc(16);

export interface PasswordCheck {
  ok: boolean;
  /** When the password is right but its hash is weaker than today's cost: the same password at today's cost. */
  upgrade: string | null;
}

/**
 * Checks a sign-in's password against `account` (undefined: an unknown name). Every check does the same
 * work whoever asks: a hash at today's cost and one at each weaker cost still found among `accounts`, the
 * real one where the account's hash has that cost and a decoy elsewhere. So neither an unknown name nor an
 * account still at an old cost shows in the time a sign-in takes, and the right password of an old hash
 * yields its upgrade on the way.
 */
export async function checkPassword(
  password: string,
  account: Account | undefined,
  accounts: readonly Account[],
): Promise<PasswordCheck> {
  const stored = account === undefined ? null : parseHash(account.password);
  const costs = new Map<string, ScryptCost>([[costKey(PASSWORD_COST), PASSWORD_COST]]);
  for (const other of accounts) {
    const cost = parseHash(other.password)?.cost;
    if (cost !== undefined && isWeaker(cost)) costs.set(costKey(cost), cost);
  }
  let ok = false;
  let rehashed: string | null = null;
  for (const [key, cost] of costs) {
    if (stored !== null && key === costKey(stored.cost)) {
      const actual = await scrypt(password, stored.salt, cost);
      ok = actual.length === stored.key.length && timingSafeEqual(actual, stored.key);
    } else if (stored !== null && cost === PASSWORD_COST && isWeaker(stored.cost)) {
      rehashed = await hashPassword(password);
    } else {
      await scrypt(password, DECOY_SALT, cost);
    }
  }
  // A hash at a cost above today's (never written by this version) is checked as it is, after the rest.
  if (stored !== null && !costs.has(costKey(stored.cost))) {
    const actual = await scrypt(password, stored.salt, stored.cost);
    ok = actual.length === stored.key.length && timingSafeEqual(actual, stored.key);
  }
  return { ok, upgrade: ok ? rehashed : null };
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

/**
 * Replaces an account's password hash with its upgrade, unless the account changed since it was read (a
 * password set or the account removed meanwhile wins). Returns the hash the account now has.
 */
export async function upgradePasswordHash(
  file: string,
  name: string,
  previous: string,
  upgrade: string,
): Promise<string> {
  const accounts = await readAccounts(file);
  const account = findAccount(accounts, name);
  if (account?.password !== previous) return account?.password ?? previous;
  await writeAccounts(
    file,
    accounts.map((each) => (each === account ? { ...each, password: upgrade } : each)),
  );
  return upgrade;
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
