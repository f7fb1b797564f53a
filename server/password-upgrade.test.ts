// Password hashes cost at least N = 2^17; an account hashed at a lower cost is upgraded when it next signs in.
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_THREADS } from '../emulator/demo-data.ts';
import { hashPassword, PASSWORD_COST, readAccounts, writeAccounts } from './accounts.ts';
import { signIn, testAccounts, withCookie } from './auth-test-support.ts';
import { expectNoSecretsLeaked, harnessPool } from './test-harness.ts';

const { harnessWith, closeAll } = harnessPool();
afterAll(() => {
  closeAll();
  expectNoSecretsLeaked();
});

const OLD_COST = { N: 2 ** 14, r: 8, p: 1 };
const password = 'old-hash-password-1';

describe('password hashes', () => {
  it('are made at N = 2^17 or more', async () => {
    expect(PASSWORD_COST.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(await hashPassword('a-new-password')).toMatch(/^scrypt\$131072\$8\$1\$/);
  });

  it('made at an older cost are upgraded at the next sign-in, which goes on working', async () => {
    const accounts = await testAccounts([]);
    const { usersFile } = accounts;
    try {
      const old = await hashPassword(password, OLD_COST);
      await writeAccounts(usersFile, [
        { name: 'otto', role: 'moderator', password: old },
        { name: 'vera', role: 'viewer', password: await hashPassword('vera-password-1') },
      ]);
      const harness = harnessWith({ auth: { mode: 'password', usersFile, sessionHours: 1 } });

      const wrong = await signIn(harness, 'otto', 'not-the-password', { from: '10.4.4.4' });
      expect(wrong.response.status).toBe(401);
      expect((await readAccounts(usersFile))[0]?.password).toBe(old);

      const { response, cookie } = await signIn(harness, 'otto', password);
      expect(response.status).toBe(200);
      const [otto, vera] = await readAccounts(usersFile);
      expect(otto?.password).toMatch(/^scrypt\$131072\$8\$1\$/);
      // Nobody else's hash is touched, and the file stays the owner's alone.
      expect(vera?.password).toMatch(/^scrypt\$131072\$/);
      expect((statSync(usersFile).mode & 0o777).toString(8)).toBe('600');
      expect(await readFile(usersFile, 'utf8')).not.toContain(old);

      const members = await harness.call(`/api/chat/thread/${DEMO_THREADS.small}/users`, withCookie(cookie));
      expect(members.status).toBe(200);
      expect((await signIn(harness, 'otto', password, { from: '10.5.5.5' })).response.status).toBe(200);
    } finally {
      await accounts.remove();
    }
  });
});
