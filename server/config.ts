// Reads the environment into a typed configuration; a bad setting stops start-up with a message naming it.
import path from 'node:path';
import { API_VARIANT_NAMES, API_VARIANT_SETTINGS, type ApiVariants } from '../emulator/api-variants.ts';
import type { LatencySetting } from '../emulator/latency.ts';
import { DEV_PORT, LOOPBACK_HOSTNAMES, parseSettings, type Settings } from './config-settings.ts';
import type { LogLevel } from './logger.ts';

/** A setting is missing or malformed. The message names the variable and never quotes a secret value. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type ChatCredentials =
  | { kind: 'app-token'; token: string }
  | { kind: 'app-certificate'; appId: string; appCertificate: string }
  | { kind: 'easemob-client'; clientId: string; clientSecret: string };

export type CredentialKind = ChatCredentials['kind'];

/** The settings that hold each kind of credentials, named in messages that tell the operator what to check. */
export function credentialSettings(kind: CredentialKind): string {
  if (kind === 'app-token') return 'CHAT_APP_TOKEN';
  return kind === 'app-certificate'
    ? 'AGORA_APP_ID and AGORA_APP_CERTIFICATE (Agora)'
    : 'EASEMOB_CLIENT_ID and EASEMOB_CLIENT_SECRET (Easemob)';
}

export interface RemoteChatConfig {
  kind: 'remote';
  /** Origin only, e.g. `https://a41.chat.agora.io` (no trailing slash). */
  host: string;
  org: string;
  app: string;
  credentials: ChatCredentials;
}

export type EmulatorLatency = LatencySetting;

export interface EmbeddedEmulatorConfig {
  kind: 'embedded';
  /** Calls per second per endpoint; null turns the limit off. */
  rateLimit: number | null;
  latency: EmulatorLatency | null;
  /** Share of calls (0..1) that fail with an injected 5xx. */
  faultRate: number;
  /** Port on which the emulator listens with its control routes on (for e2e), or null to keep them off. */
  controlPort: number | null;
  /** How it answers where the public sources leave the API open (EMULATOR_ADD_OUTSIDER, …). */
  variants: ApiVariants;
}

export interface ServerConfig {
  host: string;
  port: number;
  /** Names the dashboard may be reached by (Host header); null: any. */
  allowedHostnames: string[] | null;
  dataDir: string;
  audit: AuditConfig;
  auth: AuthConfig;
  chat: RemoteChatConfig | EmbeddedEmulatorConfig;
  /** The API's budget per endpoint, shared by every operation and every person (CHAT_CALLS_PER_SECOND). */
  callsPerSecond: number;
  /** The least level the server logs (LOG_LEVEL); `debug` adds a line per request. */
  logLevel: LogLevel;
}

/**
 * Who may use the dashboard. `none`: nobody signs in and everyone is a moderator (loopback only). `proxy`:
 * the company's sign-in proxy names the user in a header; MODERATORS lists who may change membership.
 * `password`: local accounts in a file, each with its role, managed with `npm run users`.
 */
export type AuthConfig =
  | { mode: 'none' }
  | { mode: 'proxy'; header: string; trustedAddresses: string[]; moderators: string[] }
  | {
      mode: 'password';
      usersFile: string;
      sessionHours: number;
      /**
       * Reverse proxies (e.g. one terminating TLS) whose X-Forwarded-For and X-Forwarded-Proto are believed:
       * the client's address for the sign-in slow-down, and https for the cookie's Secure flag.
       */
      trustedProxies?: string[];
    };

export interface AuditConfig {
  /** SQLite file of the audit log (`:memory:` keeps it only while the server runs). */
  file: string;
  /** Calls older than this many days are deleted. */
  retentionDays: number;
}

type Env = Readonly<Record<string, string | undefined>>;

/** An empty value counts as unset, as docker compose and shell scripts often export `VAR=`. */
function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Where the accounts of AUTH_MODE=password live: the server and `npm run users` read the same rule. */
export function usersFileFrom(env: Env): string {
  return read(env, 'USERS_FILE') ?? path.join(dataDirFrom(env), 'users.json');
}

/** Where the audit log lives: the server and `npm run audit` read the same rule. */
export function auditFileFrom(env: Env): string {
  return read(env, 'AUDIT_DB') ?? path.join(dataDirFrom(env), 'audit.sqlite');
}

function dataDirFrom(env: Env): string {
  return read(env, 'DATA_DIR') ?? '.data';
}

/** Where `npm run dev` serves the dashboard with hot reload (DEV_PORT; 0 takes any free port). */
export function devPortFrom(env: Env): number {
  const result = DEV_PORT.safeParse(read(env, 'DEV_PORT'));
  if (!result.success) throw new ConfigError(result.error.issues.map((issue) => issue.message).join('\n'));
  return result.data;
}

const REMOTE_ONLY = [
  'CHAT_ORG',
  'CHAT_APP',
  'CHAT_APP_TOKEN',
  'AGORA_APP_ID',
  'AGORA_APP_CERTIFICATE',
  'EASEMOB_CLIENT_ID',
  'EASEMOB_CLIENT_SECRET',
] as const;
const EMULATOR_ONLY = [
  'EMULATOR_RATE_LIMIT',
  'EMULATOR_LATENCY',
  'EMULATOR_FAULT_RATE',
  'EMULATOR_CONTROL_PORT',
  ...API_VARIANT_NAMES.map((name) => API_VARIANT_SETTINGS[name].env),
];
const PROXY_ONLY = ['AUTH_PROXY_HEADER', 'AUTH_PROXY_ADDRESSES', 'MODERATORS'];
const PASSWORD_ONLY = ['USERS_FILE', 'SESSION_HOURS', 'TRUSTED_PROXIES'];

function rejectAll(env: Env, names: readonly string[], reason: string): void {
  const stray = names.filter((name) => read(env, name) !== undefined);
  if (stray.length > 0)
    throw new ConfigError(`${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} ${reason}`);
}

function required(name: string, value: string | undefined): string {
  if (value === undefined) throw new ConfigError(`${name} is required when CHAT_HOST is set.`);
  return value;
}

/** Both halves of a two-part credential, or a message naming the missing one. */
function pair(
  [first, a]: [string, string | undefined],
  [second, b]: [string, string | undefined],
): [string, string] | undefined {
  if (a === undefined && b === undefined) return undefined;
  if (a === undefined) throw new ConfigError(`${first} is required with ${second}.`);
  if (b === undefined) throw new ConfigError(`${second} is required with ${first}.`);
  return [a, b];
}

function credentialsFrom(settings: Settings): ChatCredentials {
  const token = settings.CHAT_APP_TOKEN;
  const certificate = pair(
    ['AGORA_APP_ID', settings.AGORA_APP_ID],
    ['AGORA_APP_CERTIFICATE', settings.AGORA_APP_CERTIFICATE],
  );
  const client = pair(
    ['EASEMOB_CLIENT_ID', settings.EASEMOB_CLIENT_ID],
    ['EASEMOB_CLIENT_SECRET', settings.EASEMOB_CLIENT_SECRET],
  );
  const kinds: CredentialKind[] = [];
  if (token !== undefined) kinds.push('app-token');
  if (certificate !== undefined) kinds.push('app-certificate');
  if (client !== undefined) kinds.push('easemob-client');
  if (kinds.length > 1) {
    throw new ConfigError(
      `Set exactly one kind of credentials, not ${kinds.length === 2 ? 'both' : 'all of'} ` +
        `${kinds.map(credentialSettings).join(' and ')}: ` +
        'it would be unclear which one is used.',
    );
  }
  if (token !== undefined) return { kind: 'app-token', token };
  if (certificate !== undefined) {
    const [appId, appCertificate] = certificate;
    return { kind: 'app-certificate', appId, appCertificate };
  }
  if (client !== undefined) {
    const [clientId, clientSecret] = client;
    return { kind: 'easemob-client', clientId, clientSecret };
  }
  throw new ConfigError(
    'CHAT_HOST is set but no credentials are: set CHAT_APP_TOKEN, or AGORA_APP_ID and AGORA_APP_CERTIFICATE ' +
      '(Agora), or EASEMOB_CLIENT_ID and EASEMOB_CLIENT_SECRET (Easemob).',
  );
}

function isLoopback(host: string): boolean {
  return /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i.test(host);
}

/**
 * A dashboard bound to loopback answers only to loopback names (and the address it is bound to), so a web
 * page cannot reach it by rebinding its own domain to 127.0.0.1. ALLOWED_HOSTS (comma-separated host names) sets the list explicitly, e.g.
 * behind a reverse proxy; bound to another interface without it, any name is accepted.
 */
function allowedHostnamesFor(host: string): string[] | null {
  if (!isLoopback(host)) return null;
  // Any loopback address (127.0.0.2 too) is as reachable by rebinding as 127.0.0.1.
  const hostname = (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host).toLowerCase();
  return LOOPBACK_HOSTNAMES.includes(hostname) ? LOOPBACK_HOSTNAMES : [...LOOPBACK_HOSTNAMES, hostname];
}

function authFrom(env: Env, settings: Settings): AuthConfig {
  const host = settings.HOST;
  if (settings.AUTH_MODE === 'none') {
    if (!isLoopback(host)) {
      throw new ConfigError(
        `AUTH_MODE is "none" (the default), which makes everyone who can reach the server a moderator, but HOST ` +
          `is ${host}, which other machines can reach. Set AUTH_MODE=proxy or AUTH_MODE=password, or HOST=127.0.0.1.`,
      );
    }
    rejectAll(
      env,
      [...PROXY_ONLY, ...PASSWORD_ONLY],
      'set but AUTH_MODE is "none": set AUTH_MODE to use them.',
    );
    return { mode: 'none' };
  }
  if (settings.AUTH_MODE === 'proxy') {
    rejectAll(env, PASSWORD_ONLY, 'only used with AUTH_MODE=password.');
    if (settings.AUTH_PROXY_ADDRESSES.length === 0) {
      throw new ConfigError(
        'AUTH_PROXY_ADDRESSES is required with AUTH_MODE=proxy: the IP addresses of the sign-in proxy, comma-separated. ' +
          'Without it anyone could claim to be anyone by sending the header themselves.',
      );
    }
    return {
      mode: 'proxy',
      header: settings.AUTH_PROXY_HEADER,
      trustedAddresses: settings.AUTH_PROXY_ADDRESSES,
      moderators: settings.MODERATORS,
    };
  }
  rejectAll(
    env,
    PROXY_ONLY,
    'only used with AUTH_MODE=proxy (with passwords, roles are stored per account).',
  );
  if (!isLoopback(host) && settings.TRUSTED_PROXIES.length === 0) {
    // The server speaks plain HTTP only: elsewhere, passwords and session cookies would cross the network
    // readable by anyone on the way.
    throw new ConfigError(
      `AUTH_MODE=password sends passwords and session cookies, but HOST is ${host}, which other machines can ` +
        'reach, and this server serves only plain HTTP. Put it behind a reverse proxy that terminates HTTPS ' +
        'and sends X-Forwarded-Proto: https, and list that proxy in TRUSTED_PROXIES (its IP addresses, ' +
        'comma-separated), or set HOST=127.0.0.1.',
    );
  }
  return {
    mode: 'password',
    usersFile: usersFileFrom(env),
    sessionHours: settings.SESSION_HOURS,
    trustedProxies: settings.TRUSTED_PROXIES,
  };
}

/** The configuration, or a ConfigError naming every malformed setting (or else the first rule broken). */
export function loadConfig(env: Env): ServerConfig {
  const parsed = parseSettings(env);
  if ('messages' in parsed) throw new ConfigError(parsed.messages.join('\n'));
  const { settings } = parsed;
  const server = {
    host: settings.HOST,
    port: settings.PORT,
    allowedHostnames: settings.ALLOWED_HOSTS ?? allowedHostnamesFor(settings.HOST),
    dataDir: dataDirFrom(env),
    audit: { file: auditFileFrom(env), retentionDays: settings.AUDIT_RETENTION_DAYS },
    auth: authFrom(env, settings),
    callsPerSecond: settings.CHAT_CALLS_PER_SECOND,
    logLevel: settings.LOG_LEVEL,
  };
  if (settings.CHAT_HOST === undefined) {
    // Without CHAT_HOST the real-project settings would be silently ignored; say so instead.
    rejectAll(env, REMOTE_ONLY, 'set but CHAT_HOST is not: set CHAT_HOST to use a real Chat project.');
    return {
      ...server,
      chat: {
        kind: 'embedded',
        rateLimit: settings.EMULATOR_RATE_LIMIT,
        latency: settings.EMULATOR_LATENCY,
        faultRate: settings.EMULATOR_FAULT_RATE,
        controlPort: settings.EMULATOR_CONTROL_PORT,
        variants: settings.variants,
      },
    };
  }
  rejectAll(
    env,
    EMULATOR_ONLY,
    'only used by the embedded emulator, which does not run when CHAT_HOST is set.',
  );
  return {
    ...server,
    chat: {
      kind: 'remote',
      host: settings.CHAT_HOST,
      org: required('CHAT_ORG', settings.CHAT_ORG),
      app: required('CHAT_APP', settings.CHAT_APP),
      credentials: credentialsFrom(settings),
    },
  };
}
