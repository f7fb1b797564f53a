// Parses and validates the CLI's flags (with EMULATOR_* environment fallbacks) into emulator settings.
import { parseArgs } from 'node:util';
import {
  API_VARIANT_NAMES,
  API_VARIANT_SETTINGS,
  DEFAULT_API_VARIANTS,
  describeChoices,
  parseApiVariant,
} from './api-variants.ts';
import type { ApiVariants } from './api-variants.ts';
import type { LatencySetting } from './latency.ts';

export const DEFAULT_DB_FILE = '.data/emulator.sqlite';

export interface CliSettings {
  port: number;
  host: string;
  db: string;
  org: string;
  app: string;
  appId: string | undefined;
  appCertificate: string | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  rateLimit: number | null;
  latency: LatencySetting | null;
  faultRate: number;
  seed: 'demo' | 'none';
  control: boolean;
  variants: ApiVariants;
}

export type CliParseResult =
  { kind: 'help' } | { kind: 'run'; settings: CliSettings } | { kind: 'error'; message: string };

export const USAGE = `Usage: npm run emulator -- [options]

Runs a local emulator of the Agora Chat thread REST API on SQLite.

Options (environment fallback in brackets):
  --port N                 port to listen on, 0 = any free port (8090) [EMULATOR_PORT]
  --host HOST              interface to bind (127.0.0.1) [EMULATOR_HOST]
  --db FILE|:memory:       database file, created if missing (${DEFAULT_DB_FILE}) [EMULATOR_DB]
  --org NAME               org name in the base path (demo) [EMULATOR_ORG]
  --app NAME               app name in the base path (moderation) [EMULATOR_APP]
  --app-id HEX32           App ID tokens must carry (the public demo App ID) [EMULATOR_APP_ID]
  --app-certificate HEX32  App Certificate tokens are signed with (demo) [EMULATOR_APP_CERTIFICATE]
  --client-id ID           Easemob Client ID the token endpoint accepts (demo) [EMULATOR_CLIENT_ID]
  --client-secret SECRET   Easemob Client Secret it accepts (demo) [EMULATOR_CLIENT_SECRET]
  --rate-limit N|off       calls per second per endpoint (100) [EMULATOR_RATE_LIMIT]
  --latency MS|MIN-MAX|realistic
                           processing time per call, after the rate limit has counted it (none);
                           realistic: most calls 80-400 ms, some adds ~1 s, some removes 5-12 s
                           [EMULATOR_LATENCY]
  --fault-rate F           share of calls that fail, 0..1 (0) [EMULATOR_FAULT_RATE]
  --seed demo|none         seed an empty database with demo data (demo) [EMULATOR_SEED]

Where the public sources leave the API open (see emulator/README.md):
  --add-outsider forbidden-op|not-in-group|skip
                           adding a user outside the group: 403 forbidden_op, 404 group_error
                           "user not in group." (error_code 40012), or silently not added
                           (forbidden-op) [EMULATOR_ADD_OUTSIDER]
  --add-member noop|error  adding a member: success without change, or 403 error_code 40003
                           naming the members, nothing applied (noop) [EMULATOR_ADD_MEMBER]
  --cursor stable|offset   member cursor: a join position, or an offset into the current list
                           (stable) [EMULATOR_CURSOR]
  --delete-path both|singular|plural
                           remove members at /thread/{id}/users and /threads/{id}/users, the
                           singular only, or the plural only (both) [EMULATOR_DELETE_PATH]

  --control                expose the test-only /_emulator/* routes [EMULATOR_CONTROL=1]
  --help                   print this help
`;

const NAME = /^[A-Za-z0-9_-]{1,64}$/;
const HEX32 = /^[0-9a-fA-F]{32}$/;
/** Easemob Client IDs and Secrets are URL-safe base64 (`YXA6…`). */
const CLIENT_CREDENTIAL = /^[A-Za-z0-9_-]{8,128}$/;

class FlagError extends Error {}

function fail(flag: string, expected: string, value: string): never {
  throw new FlagError(`--${flag}: expected ${expected}, got ${JSON.stringify(value)}`);
}

function integer(flag: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    fail(flag, `an integer from ${min} to ${max}`, value);
  }
  return Number(value);
}

function parseLatency(value: string): LatencySetting | null {
  if (value === 'realistic') return 'realistic';
  const match = /^(\d+)(?:-(\d+))?$/.exec(value);
  if (!match) fail('latency', 'MS, MIN-MAX in milliseconds, or realistic', value);
  const minMs = Number(match[1]);
  const maxMs = match[2] === undefined ? minMs : Number(match[2]);
  if (maxMs < minMs || maxMs > 60_000) fail('latency', 'MIN <= MAX <= 60000', value);
  return minMs === 0 && maxMs === 0 ? null : { minMs, maxMs };
}

export function parseCliArgs(argv: string[], env: Record<string, string | undefined>): CliParseResult {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        org: { type: 'string' },
        app: { type: 'string' },
        'app-id': { type: 'string' },
        'app-certificate': { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        'rate-limit': { type: 'string' },
        latency: { type: 'string' },
        'fault-rate': { type: 'string' },
        seed: { type: 'string' },
        control: { type: 'boolean' },
        help: { type: 'boolean' },
        'add-outsider': { type: 'string' },
        'add-member': { type: 'string' },
        cursor: { type: 'string' },
        'delete-path': { type: 'string' },
      },
    });
    if (values.help) return { kind: 'help' };
    const pick = (flag: keyof typeof values, envName: string): string | undefined => {
      const value = values[flag];
      return typeof value === 'string' ? value : env[envName] || undefined;
    };

    const port = integer('port', pick('port', 'EMULATOR_PORT') ?? '8090', 0, 65_535);
    const host = pick('host', 'EMULATOR_HOST') ?? '127.0.0.1';
    if (host.trim() === '') fail('host', 'a host name or address', host);
    const db = pick('db', 'EMULATOR_DB') ?? DEFAULT_DB_FILE;
    const org = pick('org', 'EMULATOR_ORG') ?? 'demo';
    if (!NAME.test(org)) fail('org', 'letters, digits, _ or -', org);
    const app = pick('app', 'EMULATOR_APP') ?? 'moderation';
    if (!NAME.test(app)) fail('app', 'letters, digits, _ or -', app);
    // Credentials are never echoed back: the message names the flag, not the value.
    const credential = (flag: keyof typeof values, envName: string, pattern: RegExp, expected: string) => {
      const value = pick(flag, envName);
      if (value !== undefined && !pattern.test(value)) throw new FlagError(`--${flag}: expected ${expected}`);
      return value;
    };
    const hex32 = '32 hexadecimal characters';
    const clientForm = '8 to 128 letters, digits, _ or -';
    const appId = credential('app-id', 'EMULATOR_APP_ID', HEX32, hex32);
    const appCertificate = credential('app-certificate', 'EMULATOR_APP_CERTIFICATE', HEX32, hex32);
    const clientId = credential('client-id', 'EMULATOR_CLIENT_ID', CLIENT_CREDENTIAL, clientForm);
    const clientSecret = credential('client-secret', 'EMULATOR_CLIENT_SECRET', CLIENT_CREDENTIAL, clientForm);
    const rawRate = pick('rate-limit', 'EMULATOR_RATE_LIMIT') ?? '100';
    const rateLimit = rawRate === 'off' ? null : integer('rate-limit', rawRate, 1, 1_000_000);
    const rawLatency = pick('latency', 'EMULATOR_LATENCY');
    const latency = rawLatency === undefined ? null : parseLatency(rawLatency);
    const rawFault = pick('fault-rate', 'EMULATOR_FAULT_RATE') ?? '0';
    const faultRate = Number(rawFault);
    if (rawFault.trim() === '' || !(faultRate >= 0 && faultRate <= 1)) {
      fail('fault-rate', 'a number from 0 to 1', rawFault);
    }
    const seed = pick('seed', 'EMULATOR_SEED') ?? 'demo';
    if (seed !== 'demo' && seed !== 'none') fail('seed', 'demo or none', seed);
    const control = values.control === true || /^(1|true|yes)$/i.test(env.EMULATOR_CONTROL ?? '');
    const variants: ApiVariants = { ...DEFAULT_API_VARIANTS };
    for (const name of API_VARIANT_NAMES) {
      const { flag, env: envName } = API_VARIANT_SETTINGS[name];
      const raw = pick(flag as keyof typeof values, envName);
      if (raw === undefined) continue;
      const variant = parseApiVariant(name, raw);
      if (variant === null) fail(flag, describeChoices(name), raw);
      Object.assign(variants, { [name]: variant });
    }
    return {
      kind: 'run',
      settings: {
        port,
        host,
        db,
        org,
        app,
        appId,
        appCertificate,
        clientId,
        clientSecret,
        rateLimit,
        latency,
        faultRate,
        seed,
        control,
        variants,
      },
    };
  } catch (error) {
    if (error instanceof FlagError) return { kind: 'error', message: error.message };
    // parseArgs names the offending flag itself ("Unknown option '--x'", "Option '--port <value>' argument missing").
    if (error instanceof TypeError) return { kind: 'error', message: error.message };
    throw error;
  }
}
