// Test plumbing for sign-in: an accounts file in a temporary folder, and signing in through the app.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeAccountsWithPasswords } from './accounts.ts';
import type { AuthConfig } from './config.ts';
import type { Role } from './identity.ts';
import { rememberSecret, type Harness, type ObservedResponse } from './test-harness.ts';

export interface TestAccounts {
  usersFile: string;
  remove(): Promise<void>;
}

/** Writes the accounts to a fresh file; their passwords count as secrets for the leak checks. */
export async function testAccounts(
  accounts: readonly { name: string; role: Role; password: string }[],
): Promise<TestAccounts> {
  const folder = await mkdtemp(path.join(tmpdir(), 'tma-accounts-'));
  const usersFile = path.join(folder, 'users.json');
  for (const { password } of accounts) rememberSecret(password);
  await writeAccountsWithPasswords(usersFile, accounts);
  return { usersFile, remove: () => rm(folder, { recursive: true, force: true }) };
}

/** Sign-in through a proxy at 10.9.9.9 that names users in X-Forwarded-Email; ann@example.com moderates. */
export const TEST_PROXY_AUTH: AuthConfig = {
  mode: 'proxy',
  header: 'X-Forwarded-Email',
  trustedAddresses: ['10.9.9.9'],
  moderators: ['ann@example.com'],
};

export function withCookie(cookie: string, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { ...(init.headers as Record<string, string> | undefined), cookie } };
}

export async function signIn(
  harness: Harness,
  name: string,
  password: string,
  { headers = {}, from = '10.1.1.1' }: { headers?: Record<string, string>; from?: string } = {},
): Promise<{ response: ObservedResponse; setCookie: string; cookie: string }> {
  const response = await harness.call(
    '/api/auth/sign-in',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ name, password }),
    },
    from,
  );
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { response, setCookie, cookie: setCookie.split(';')[0] ?? '' };
}
