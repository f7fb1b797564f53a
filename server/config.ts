// Reads the environment into a typed configuration; a bad setting stops start-up with a message naming it.
import path from 'node:path';
import {
  API_VARIANT_NAMES,
  API_VARIANT_SETTINGS,
  DEFAULT_API_VARIANTS,
  describeChoices,
  parseApiVariant,
  type ApiVariants,
} from '../emulator/api-variants.ts';
import type { LatencySetting } from '../emulator/latency.ts';
import { LOG_LEVELS, type LogLevel } from './logger.ts';

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

const DEFAULT_PROXY_HEADER = 'X-Forwarded-Email';
const DEFAULT_SESSION_HOURS = 12;
export interface AuditConfig {
  /** SQLite file of the audit log (`:memory:` keeps it only while the server runs). */
  file: string;
  /** Calls older than this many days are deleted. */
  retentionDays: number;
}

const DEFAULT_AUDIT_RETENTION_DAYS = 365;

type Env = Readonly<Record<string, string | undefined>>;

export const DEFAULT_EMULATOR_RATE_LIMIT = 100;

const NAME_PATTERN = /^[A-Za-z0-9_-]+$/;
const HEX32 = /^[0-9a-fA-F]{32}$/;
const CLIENT_CREDENTIAL = /^[A-Za-z0-9_-]{8,128}$/;
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
  const value = read(env, 'DEV_PORT');
  return value === undefined ? 5173 : parsePort('DEV_PORT', value, 0);
}

function parsePort(name: string, value: string, min: number): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) < min || Number(value) > 65535) {
    throw new ConfigError(`${name} must be an integer from ${min} to 65535 (got "${value}").`);
  }
  return Number(value);
}

function parseChatHost(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // The value is not echoed: an unparsable URL may hold credentials we cannot strip.
    throw new ConfigError('CHAT_HOST must be an http(s) URL such as https://a41.chat.agora.io.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`CHAT_HOST must use http or https (got "${url.protocol}").`);
  }
  // The app token rides on every call: only a loopback host may be reached without TLS.
  if (url.protocol === 'http:' && !LOOPBACK_HOSTNAMES.includes(url.hostname)) {
    throw new ConfigError(
      `CHAT_HOST must use https: the app token would travel unencrypted to ${url.hostname} (http is allowed only for localhost).`,
    );
  }
  // Userinfo would put a secret into every log line and error message that names the host.
  if (url.username !== '' || url.password !== '') {
    throw new ConfigError('CHAT_HOST must not contain a user name or password.');
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(value)) {
    throw new ConfigError(
      `CHAT_HOST must be a bare origin without path or query, e.g. https://a41.chat.agora.io (got "${value}"); ` +
        'org and app go in CHAT_ORG and CHAT_APP.',
    );
  }
  return url.origin;
}

function parseName(env: Env, name: string): string {
  const value = read(env, name);
  if (value === undefined) throw new ConfigError(`${name} is required when CHAT_HOST is set.`);
  if (!NAME_PATTERN.test(value)) {
    throw new ConfigError(`${name} may contain only letters, digits, "_" and "-" (got "${value}").`);
  }
  return value;
}

/** Both halves of a two-part credential, or a message naming the missing one. */
function pair(env: Env, first: string, second: string): [string, string] | undefined {
  const a = read(env, first);
  const b = read(env, second);
  if (a === undefined && b === undefined) return undefined;
  if (a === undefined) throw new ConfigError(`${first} is required with ${second}.`);
  if (b === undefined) throw new ConfigError(`${second} is required with ${first}.`);
  return [a, b];
}

function parseAgoraCertificate([appId, appCertificate]: [string, string]): ChatCredentials {
  if (!HEX32.test(appId)) throw new ConfigError('AGORA_APP_ID must be 32 hexadecimal characters.');
  if (!HEX32.test(appCertificate)) {
    throw new ConfigError('AGORA_APP_CERTIFICATE must be 32 hexadecimal characters.');
  }
  return { kind: 'app-certificate', appId, appCertificate };
}

function parseEasemobClient([clientId, clientSecret]: [string, string]): ChatCredentials {
  // Easemob's Client IDs and Secrets are URL-safe base64 (`YXA6…`); they travel in a JSON body.
  if (!CLIENT_CREDENTIAL.test(clientId)) {
    throw new ConfigError(
      'EASEMOB_CLIENT_ID must be the Client ID from the Easemob console (letters, digits, _ and -).',
    );
  }
  if (!CLIENT_CREDENTIAL.test(clientSecret)) {
    throw new ConfigError(
      'EASEMOB_CLIENT_SECRET must be the Client Secret from the Easemob console (letters, digits, _ and -).',
    );
  }
  return { kind: 'easemob-client', clientId, clientSecret };
}

function parseCredentials(env: Env): ChatCredentials {
  const token = read(env, 'CHAT_APP_TOKEN');
  const certificate = pair(env, 'AGORA_APP_ID', 'AGORA_APP_CERTIFICATE');
  const client = pair(env, 'EASEMOB_CLIENT_ID', 'EASEMOB_CLIENT_SECRET');
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
  if (token !== undefined) {
    // A space or control character would corrupt the Authorization header.
    if (!/^[\x21-\x7e]+$/.test(token)) {
      throw new ConfigError(
        'CHAT_APP_TOKEN contains spaces or characters that cannot go into an HTTP header.',
      );
    }
    return { kind: 'app-token', token };
  }
  if (certificate !== undefined) return parseAgoraCertificate(certificate);
  if (client !== undefined) return parseEasemobClient(client);
  throw new ConfigError(
    'CHAT_HOST is set but no credentials are: set CHAT_APP_TOKEN, or AGORA_APP_ID and AGORA_APP_CERTIFICATE ' +
      '(Agora), or EASEMOB_CLIENT_ID and EASEMOB_CLIENT_SECRET (Easemob).',
  );
}

function parseRateLimit(value: string | undefined): number | null {
  if (value === undefined) return DEFAULT_EMULATOR_RATE_LIMIT;
  if (/^(off|none)$/i.test(value)) return null;
  if (!/^\d{1,7}$/.test(value)) {
    throw new ConfigError(
      `EMULATOR_RATE_LIMIT must be calls per second (a whole number), or "off" (got "${value}").`,
    );
  }
  const limit = Number(value);
  return limit === 0 ? null : limit;
}

function parseLatency(value: string | undefined): EmulatorLatency | null {
  if (value === undefined) return null;
  if (value.toLowerCase() === 'realistic') return 'realistic';
  const match = /^(\d{1,6})(?:-(\d{1,6}))?$/.exec(value);
  if (match === null) {
    throw new ConfigError(
      `EMULATOR_LATENCY must be milliseconds, "MIN-MAX", "realistic" or "0" (got "${value}").`,
    );
  }
  const minMs = Number(match[1]);
  const maxMs = match[2] === undefined ? minMs : Number(match[2]);
  if (maxMs < minMs) throw new ConfigError(`EMULATOR_LATENCY: MIN must not exceed MAX (got "${value}").`);
  return maxMs === 0 ? null : { minMs, maxMs };
}

function parseFaultRate(value: string | undefined): number {
  if (value === undefined) return 0;
  const rate = Number(value);
  if (!/^\d*\.?\d+$/.test(value) || rate > 1) {
    throw new ConfigError(`EMULATOR_FAULT_RATE must be a number from 0 to 1 (got "${value}").`);
  }
  return rate;
}

function parseControlPort(value: string | undefined): number | null {
  if (value === undefined || /^(off|false|no)$/i.test(value)) return null;
  return parsePort('EMULATOR_CONTROL_PORT (the port for the emulator with its control routes)', value, 1);
}

function parseVariants(env: Env): ApiVariants {
  const variants: ApiVariants = { ...DEFAULT_API_VARIANTS };
  for (const name of API_VARIANT_NAMES) {
    const envName = API_VARIANT_SETTINGS[name].env;
    const value = read(env, envName);
    if (value === undefined) continue;
    const variant = parseApiVariant(name, value.toLowerCase());
    if (variant === null) {
      throw new ConfigError(`${envName} must be ${describeChoices(name)} (got "${value}").`);
    }
    Object.assign(variants, { [name]: variant });
  }
  return variants;
}

function rejectAll(env: Env, names: readonly string[], reason: string): void {
  const stray = names.filter((name) => read(env, name) !== undefined);
  if (stray.length > 0)
    throw new ConfigError(`${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} ${reason}`);
}

const LOOPBACK_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * A dashboard bound to loopback answers only to loopback names (and the address it is bound to), so a web
 * page cannot reach it by rebinding its own domain to 127.0.0.1. ALLOWED_HOSTS (comma-separated host names) sets the list explicitly, e.g.
 * behind a reverse proxy; bound to another interface without it, any name is accepted.
 */
function parseAllowedHosts(value: string | undefined, host: string): string[] | null {
  if (value !== undefined) {
    const names = value.split(',').map((name) => name.trim().toLowerCase());
    if (names.some((name) => !/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/.test(name))) {
      throw new ConfigError(`ALLOWED_HOSTS must be a comma-separated list of host names (got "${value}").`);
    }
    return names;
  }
  if (!isLoopback(host)) return null;
  // Any loopback address (127.0.0.2 too) is as reachable by rebinding as 127.0.0.1.
  const hostname = (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host).toLowerCase();
  return LOOPBACK_HOSTNAMES.includes(hostname) ? LOOPBACK_HOSTNAMES : [...LOOPBACK_HOSTNAMES, hostname];
}

function parseAudit(env: Env): AuditConfig {
  const days = read(env, 'AUDIT_RETENTION_DAYS');
  if (days !== undefined && (!/^\d{1,5}$/.test(days) || Number(days) < 1)) {
    throw new ConfigError(`AUDIT_RETENTION_DAYS must be a whole number of days, at least 1 (got "${days}").`);
  }
  return {
    file: auditFileFrom(env),
    retentionDays: days === undefined ? DEFAULT_AUDIT_RETENTION_DAYS : Number(days),
  };
}

function parseCallsPerSecond(value: string | undefined): number {
  if (value === undefined) return 100;
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1) {
    throw new ConfigError(
      `CHAT_CALLS_PER_SECOND must be a whole number of calls per second per endpoint, at least 1 (got "${value}").`,
    );
  }
  return Number(value);
}

function parseLogLevel(value: string | undefined): LogLevel {
  if (value === undefined) return 'info';
  const level = LOG_LEVELS.find((known) => known === value.toLowerCase());
  if (level === undefined) {
    throw new ConfigError(
      `LOG_LEVEL must be ${LOG_LEVELS.map((known) => `"${known}"`).join(', ')} (got "${value}").`,
    );
  }
  return level;
}

function isLoopback(host: string): boolean {
  return /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i.test(host);
}

function parseList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const ADDRESS = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]+)$/;

function parseAuth(env: Env, host: string): AuthConfig {
  const mode = (read(env, 'AUTH_MODE') ?? 'none').toLowerCase();
  const proxyOnly = ['AUTH_PROXY_HEADER', 'AUTH_PROXY_ADDRESSES', 'MODERATORS'];
  const passwordOnly = ['USERS_FILE', 'SESSION_HOURS', 'TRUSTED_PROXIES'];
  if (mode === 'none') {
    if (!isLoopback(host)) {
      throw new ConfigError(
        `AUTH_MODE is "none" (the default), which makes everyone who can reach the server a moderator, but HOST ` +
          `is ${host}, which other machines can reach. Set AUTH_MODE=proxy or AUTH_MODE=password, or HOST=127.0.0.1.`,
      );
    }
    rejectAll(
      env,
      [...proxyOnly, ...passwordOnly],
      'set but AUTH_MODE is "none": set AUTH_MODE to use them.',
    );
    return { mode: 'none' };
  }
  if (mode === 'proxy') {
    rejectAll(env, passwordOnly, 'only used with AUTH_MODE=password.');
    const header = read(env, 'AUTH_PROXY_HEADER') ?? DEFAULT_PROXY_HEADER;
    if (!/^[A-Za-z0-9-]{1,64}$/.test(header)) {
      throw new ConfigError(
        `AUTH_PROXY_HEADER must be an HTTP header name such as X-Forwarded-Email (got "${header}").`,
      );
    }
    const trustedAddresses = parseList(read(env, 'AUTH_PROXY_ADDRESSES'));
    if (trustedAddresses.length === 0) {
      throw new ConfigError(
        'AUTH_PROXY_ADDRESSES is required with AUTH_MODE=proxy: the IP addresses of the sign-in proxy, comma-separated. ' +
          'Without it anyone could claim to be anyone by sending the header themselves.',
      );
    }
    const malformed = trustedAddresses.find((address) => !ADDRESS.test(address));
    if (malformed !== undefined) {
      throw new ConfigError(`AUTH_PROXY_ADDRESSES must list IP addresses (got "${malformed}").`);
    }
    return {
      mode: 'proxy',
      header,
      trustedAddresses,
      moderators: parseList(read(env, 'MODERATORS')).map((name) => name.toLowerCase()),
    };
  }
  if (mode === 'password') {
    rejectAll(
      env,
      proxyOnly,
      'only used with AUTH_MODE=proxy (with passwords, roles are stored per account).',
    );
    const hours = read(env, 'SESSION_HOURS');
    if (hours !== undefined && (!/^\d{1,4}$/.test(hours) || Number(hours) < 1)) {
      throw new ConfigError(`SESSION_HOURS must be a whole number of hours, at least 1 (got "${hours}").`);
    }
    const trustedProxies = parseList(read(env, 'TRUSTED_PROXIES'));
    const malformed = trustedProxies.find((address) => !ADDRESS.test(address));
    if (malformed !== undefined) {
      throw new ConfigError(
        `TRUSTED_PROXIES must list the IP addresses of your reverse proxies, comma-separated (got "${malformed}").`,
      );
    }
    if (!isLoopback(host) && trustedProxies.length === 0) {
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
      sessionHours: hours === undefined ? DEFAULT_SESSION_HOURS : Number(hours),
      trustedProxies,
    };
  }
  throw new ConfigError(`AUTH_MODE must be "none", "proxy" or "password" (got "${mode}").`);
}

export function loadConfig(env: Env): ServerConfig {
  const host = read(env, 'HOST') ?? '127.0.0.1';
  if (/\s|\//.test(host))
    throw new ConfigError(`HOST must be an interface address or host name (got "${host}").`);
  const portText = read(env, 'PORT');
  const port = portText === undefined ? 8080 : parsePort('PORT', portText, 0);
  const dataDir = dataDirFrom(env);
  const allowedHostnames = parseAllowedHosts(read(env, 'ALLOWED_HOSTS'), host);
  const audit = parseAudit(env);
  const auth = parseAuth(env, host);
  const callsPerSecond = parseCallsPerSecond(read(env, 'CHAT_CALLS_PER_SECOND'));
  const logLevel = parseLogLevel(read(env, 'LOG_LEVEL'));

  const chatHost = read(env, 'CHAT_HOST');
  if (chatHost === undefined) {
    // Without CHAT_HOST the real-project settings would be silently ignored; say so instead.
    rejectAll(env, REMOTE_ONLY, 'set but CHAT_HOST is not: set CHAT_HOST to use a real Chat project.');
    return {
      host,
      port,
      allowedHostnames,
      dataDir,
      audit,
      auth,
      callsPerSecond,
      logLevel,
      chat: {
        kind: 'embedded',
        rateLimit: parseRateLimit(read(env, 'EMULATOR_RATE_LIMIT')),
        latency: parseLatency(read(env, 'EMULATOR_LATENCY')),
        faultRate: parseFaultRate(read(env, 'EMULATOR_FAULT_RATE')),
        controlPort: parseControlPort(read(env, 'EMULATOR_CONTROL_PORT')),
        variants: parseVariants(env),
      },
    };
  }
  rejectAll(
    env,
    EMULATOR_ONLY,
    'only used by the embedded emulator, which does not run when CHAT_HOST is set.',
  );
  return {
    host,
    port,
    allowedHostnames,
    dataDir,
    audit,
    auth,
    callsPerSecond,
    logLevel,
    chat: {
      kind: 'remote',
      host: parseChatHost(chatHost),
      org: parseName(env, 'CHAT_ORG'),
      app: parseName(env, 'CHAT_APP'),
      credentials: parseCredentials(env),
    },
  };
}
