// A second dashboard with AUTH_MODE=password, started by the sign-in specs: the suite's own server runs
// without sign-in.
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeAccountsWithPasswords } from '../server/accounts.ts';
import type { Role } from '../server/identity.ts';
import { startDashboardProcess, type DashboardProcess } from './dashboard-process.ts';
import { E2E_PASSWORD_DATA_DIR as DATA_DIR, E2E_PASSWORD_PORT } from './ports.ts';

export const PASSWORD_SERVER_URL = `http://127.0.0.1:${E2E_PASSWORD_PORT}`;

export interface TestAccount {
  name: string;
  role: Role;
  password: string;
}

export async function startPasswordServer(accounts: readonly TestAccount[]): Promise<DashboardProcess> {
  await rm(DATA_DIR, { recursive: true, force: true });
  await mkdir(DATA_DIR, { recursive: true });
  const usersFile = path.join(DATA_DIR, 'users.json');
  await writeAccountsWithPasswords(usersFile, accounts);
  return startDashboardProcess({
    port: E2E_PASSWORD_PORT,
    dataDir: DATA_DIR,
    env: { AUTH_MODE: 'password', USERS_FILE: usersFile },
  });
}
