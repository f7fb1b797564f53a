// `npm run users -- add NAME [--role viewer|moderator] | remove NAME | passwd NAME | list`: manages the
// local accounts of AUTH_MODE=password. Passwords are read from the terminal without echo, or from stdin.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import {
  AccountsFileUnusable,
  ACCOUNT_NAME,
  findAccount,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  readAccounts,
  writeAccounts,
  type Account,
} from './accounts.ts';
import type { Role } from './identity.ts';
import { usersFileFrom } from './config.ts';

const USAGE = `Usage: npm run users -- <command> [--file FILE]
  add NAME [--role viewer|moderator]   create an account (viewer unless --role moderator)
  remove NAME                          delete an account; its sessions end at once
  passwd NAME                          set a new password; its sessions end at once
  list                                 names and roles
The file is USERS_FILE, else DATA_DIR/users.json (DATA_DIR defaults to .data), as for the server.
Passwords are asked for on the terminal, or read from the first line of stdin when it is not a terminal.`;

class UsageError extends Error {}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (value === undefined) throw new UsageError(`${name} needs a value.`);
  args.splice(index, 2);
  return value;
}

function usersFile(args: string[]): string {
  return option(args, '--file') ?? usersFileFrom(process.env);
}

async function promptHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const terminal = createInterface({ input: process.stdin, output, terminal: true });
  const answer = new Promise<string>((resolve) => terminal.question(question, resolve));
  muted = true;
  const password = await answer;
  terminal.close();
  process.stdout.write('\n');
  return password;
}

async function firstLineOfStdin(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) return line;
  return '';
}

async function newPassword(name: string): Promise<string> {
  let password: string;
  if (process.stdin.isTTY) {
    password = await promptHidden(`New password for ${name}: `);
    if ((await promptHidden('Repeat it: ')) !== password)
      throw new UsageError('The two passwords differ; nothing changed.');
  } else {
    password = await firstLineOfStdin();
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new UsageError(`A password needs at least ${MIN_PASSWORD_LENGTH} characters; nothing changed.`);
  }
  return password;
}

function parseRole(value: string | undefined): Role {
  if (value === undefined || value === 'viewer') return 'viewer';
  if (value === 'moderator') return 'moderator';
  throw new UsageError(`--role must be viewer or moderator (got "${value}").`);
}

function existing(accounts: Account[], name: string, file: string): Account {
  const account = findAccount(accounts, name);
  if (account === undefined) throw new UsageError(`There is no account "${name}" in ${file}.`);
  return account;
}

async function run(args: string[]): Promise<string> {
  const file = usersFile(args);
  const role = option(args, '--role');
  const [command, name, ...rest] = args;
  if (command === 'list' && name === undefined) {
    const accounts = await readAccounts(file);
    return accounts.length === 0
      ? `No accounts in ${file}.`
      : accounts.map((account) => `${account.name}\t${account.role}`).join('\n');
  }
  if (command === undefined || name === undefined || rest.length > 0) throw new UsageError(USAGE);
  if (!ACCOUNT_NAME.test(name)) {
    throw new UsageError('A name is 1 to 64 letters, digits and _ . @ + - (an email address works).');
  }
  const accounts = await readAccounts(file);
  switch (command) {
    case 'add': {
      if (findAccount(accounts, name) !== undefined) {
        throw new UsageError(`"${name}" already exists; use passwd to change the password.`);
      }
      const account: Account = {
        name,
        role: parseRole(role),
        password: await hashPassword(await newPassword(name)),
      };
      await writeAccounts(file, [...accounts, account]);
      return `Added ${name} (${account.role}) to ${file}.`;
    }
    case 'remove': {
      const account = existing(accounts, name, file);
      await writeAccounts(
        file,
        accounts.filter((other) => other !== account),
      );
      return `Removed ${account.name} from ${file}.`;
    }
    case 'passwd': {
      const account = existing(accounts, name, file);
      const password = await hashPassword(await newPassword(account.name));
      await writeAccounts(
        file,
        accounts.map((other) => (other === account ? { ...other, password } : other)),
      );
      return `Changed the password of ${account.name}.`;
    }
    default:
      throw new UsageError(USAGE);
  }
}

run(process.argv.slice(2)).then(
  (message) => console.log(message),
  (error: unknown) => {
    console.error(
      error instanceof UsageError || error instanceof AccountsFileUnusable ? error.message : error,
    );
    process.exit(1);
  },
);
