import { DEFAULT_API_VARIANTS } from '../emulator/api-variants.ts';
import { describe, expect, it } from 'vitest';
import { ConfigError, devPortFrom, loadConfig } from './config.ts';

const APP_ID = '0123456789abcdef0123456789abcdef';
const CERT = 'fedcba9876543210fedcba9876543210';
const CLIENT_ID = 'YXA6ZXhhbXBsZS1jbGllbnQtaWQ';
const CLIENT_SECRET = 'YXA6ZXhhbXBsZS1jbGllbnQtc2VjcmV0';
const easemob = { EASEMOB_CLIENT_ID: CLIENT_ID, EASEMOB_CLIENT_SECRET: CLIENT_SECRET };
const TOKEN = '007eJxSecretTokenValue';
const remote = { CHAT_HOST: 'https://a41.chat.agora.io', CHAT_ORG: 'org1', CHAT_APP: 'app_1' };

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to the embedded emulator on 127.0.0.1:8080', () => {
    expect(loadConfig({})).toEqual({
      host: '127.0.0.1',
      port: 8080,
      allowedHostnames: ['localhost', '127.0.0.1', '[::1]'],
      dataDir: '.data',
      audit: { file: '.data/audit.sqlite', retentionDays: 365 },
      auth: { mode: 'none' },
      callsPerSecond: 100,
      logLevel: 'info',
      chat: {
        kind: 'embedded',
        rateLimit: 100,
        latency: null,
        faultRate: 0,
        controlPort: null,
        variants: DEFAULT_API_VARIANTS,
      },
    });
  });

  it('reads the port of `npm run dev`, 0 for any free one', () => {
    expect(devPortFrom({})).toBe(5173);
    expect(devPortFrom({ DEV_PORT: '0' })).toBe(0);
    expect(() => devPortFrom({ DEV_PORT: 'vite' })).toThrow(
      'DEV_PORT must be an integer from 0 to 65535 (got "vite").',
    );
  });

  it("reads the API's budget shared by every operation", () => {
    expect(loadConfig({ CHAT_CALLS_PER_SECOND: '40' }).callsPerSecond).toBe(40);
    for (const value of ['0', '-1', 'fast', '2.5']) {
      expect(errorOf({ CHAT_CALLS_PER_SECOND: value }).message).toContain('CHAT_CALLS_PER_SECOND');
    }
  });

  it('reads the audit log settings', () => {
    expect(loadConfig({ DATA_DIR: '/var/tma', AUDIT_RETENTION_DAYS: '90' }).audit).toEqual({
      file: '/var/tma/audit.sqlite',
      retentionDays: 90,
    });
    expect(loadConfig({ AUDIT_DB: '/srv/audit.db' }).audit.file).toBe('/srv/audit.db');
    for (const days of ['0', '-3', 'forever', '1.5']) {
      expect(errorOf({ AUDIT_RETENTION_DAYS: days }).message).toContain('AUDIT_RETENTION_DAYS');
    }
  });

  it('reads the emulator settings', () => {
    const config = loadConfig({
      PORT: '0',
      EMULATOR_RATE_LIMIT: 'off',
      EMULATOR_LATENCY: '20-80',
      EMULATOR_FAULT_RATE: '0.25',
      EMULATOR_CONTROL_PORT: '8091',
    });
    expect(config.port).toBe(0);
    expect(config.chat).toEqual({
      kind: 'embedded',
      rateLimit: null,
      latency: { minMs: 20, maxMs: 80 },
      faultRate: 0.25,
      controlPort: 8091,
      variants: DEFAULT_API_VARIANTS,
    });
    const realistic = loadConfig({ EMULATOR_LATENCY: 'realistic' }).chat;
    expect(realistic).toMatchObject({ kind: 'embedded', latency: 'realistic' });
  });

  it('reads the emulator API variants and names a bad one with its choices', () => {
    const config = loadConfig({
      EMULATOR_ADD_OUTSIDER: 'not-in-group',
      EMULATOR_ADD_MEMBER: 'error',
      EMULATOR_CURSOR: 'offset',
      EMULATOR_DELETE_PATH: 'singular',
    });
    expect(config.chat).toMatchObject({
      variants: { addOutsider: 'not-in-group', addMember: 'error', cursor: 'offset', deletePath: 'singular' },
    });
    expect(errorOf({ EMULATOR_CURSOR: 'random' }).message).toBe(
      'EMULATOR_CURSOR must be stable or offset (got "random").',
    );
  });

  it('reads a real project with an app token, App ID and certificate, or Easemob Client ID and Secret', () => {
    expect(
      loadConfig({ ...remote, CHAT_HOST: 'https://a41.chat.agora.io/', CHAT_APP_TOKEN: TOKEN }).chat,
    ).toEqual({
      kind: 'remote',
      host: 'https://a41.chat.agora.io',
      org: 'org1',
      app: 'app_1',
      credentials: { kind: 'app-token', token: TOKEN },
    });
    expect(loadConfig({ ...remote, AGORA_APP_ID: APP_ID, AGORA_APP_CERTIFICATE: CERT }).chat).toMatchObject({
      credentials: { kind: 'app-certificate', appId: APP_ID, appCertificate: CERT },
    });
    expect(loadConfig({ ...remote, ...easemob }).chat).toMatchObject({
      credentials: { kind: 'easemob-client', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    });
  });

  it.each([
    [{ PORT: 'http' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ HOST: 'a b' }, 'HOST'],
    [{ EMULATOR_RATE_LIMIT: 'fast' }, 'EMULATOR_RATE_LIMIT'],
    [{ EMULATOR_LATENCY: '90-10' }, 'EMULATOR_LATENCY'],
    [{ EMULATOR_FAULT_RATE: '2' }, 'EMULATOR_FAULT_RATE'],
    [{ EMULATOR_CONTROL_PORT: 'yes please' }, 'EMULATOR_CONTROL_PORT'],
    [{ CHAT_ORG: 'org1' }, 'CHAT_ORG'],
    [{ CHAT_APP_TOKEN: TOKEN }, 'CHAT_APP_TOKEN'],
    [{ ...remote, CHAT_HOST: 'ftp://a41.chat.agora.io', CHAT_APP_TOKEN: TOKEN }, 'CHAT_HOST'],
    [{ ...remote, CHAT_HOST: 'not a url', CHAT_APP_TOKEN: TOKEN }, 'CHAT_HOST'],
    [{ ...remote, CHAT_HOST: 'https://a41.chat.agora.io/org1/app', CHAT_APP_TOKEN: TOKEN }, 'CHAT_HOST'],
    [{ ...remote, CHAT_HOST: 'https://a41.chat.agora.io?x=1', CHAT_APP_TOKEN: TOKEN }, 'CHAT_HOST'],
    [{ ...remote, CHAT_HOST: 'https://u:p@a41.chat.agora.io', CHAT_APP_TOKEN: TOKEN }, 'CHAT_HOST'],
    [{ ...remote, CHAT_ORG: '', CHAT_APP_TOKEN: TOKEN }, 'CHAT_ORG'],
    [{ ...remote, CHAT_ORG: 'org/1', CHAT_APP_TOKEN: TOKEN }, 'CHAT_ORG'],
    [{ ...remote, CHAT_APP: 'app.1', CHAT_APP_TOKEN: TOKEN }, 'CHAT_APP'],
    [{ ...remote }, 'CHAT_APP_TOKEN'],
    [{ ...remote, CHAT_APP_TOKEN: 'two words' }, 'CHAT_APP_TOKEN'],
    [{ ...remote, CHAT_APP_TOKEN: TOKEN, AGORA_APP_ID: APP_ID, AGORA_APP_CERTIFICATE: CERT }, 'not both'],
    [{ ...remote, AGORA_APP_ID: APP_ID }, 'AGORA_APP_CERTIFICATE is required'],
    [{ ...remote, EASEMOB_CLIENT_ID: CLIENT_ID }, 'EASEMOB_CLIENT_SECRET is required with EASEMOB_CLIENT_ID'],
    [{ ...remote, EASEMOB_CLIENT_SECRET: CLIENT_SECRET }, 'EASEMOB_CLIENT_ID is required'],
    [
      { ...remote, EASEMOB_CLIENT_ID: 'a b', EASEMOB_CLIENT_SECRET: CLIENT_SECRET },
      'EASEMOB_CLIENT_ID must be',
    ],
    [
      { ...remote, AGORA_APP_ID: APP_ID, AGORA_APP_CERTIFICATE: CERT, ...easemob },
      'not both AGORA_APP_ID and AGORA_APP_CERTIFICATE (Agora) and EASEMOB_CLIENT_ID and EASEMOB_CLIENT_SECRET (Easemob)',
    ],
    [{ ...remote }, 'or EASEMOB_CLIENT_ID and EASEMOB_CLIENT_SECRET (Easemob)'],
    [{ ...easemob }, 'EASEMOB_CLIENT_ID, EASEMOB_CLIENT_SECRET are set but CHAT_HOST is not'],
    [{ ...remote, AGORA_APP_CERTIFICATE: CERT }, 'AGORA_APP_ID is required'],
    [{ ...remote, AGORA_APP_ID: 'xyz', AGORA_APP_CERTIFICATE: CERT }, 'AGORA_APP_ID must be 32'],
    [
      { ...remote, AGORA_APP_ID: APP_ID, AGORA_APP_CERTIFICATE: `${CERT}0` },
      'AGORA_APP_CERTIFICATE must be 32',
    ],
    [{ ...remote, CHAT_APP_TOKEN: TOKEN, EMULATOR_LATENCY: '10' }, 'EMULATOR_LATENCY'],
    [{ ...remote, CHAT_APP_TOKEN: TOKEN, EMULATOR_ADD_MEMBER: 'error' }, 'EMULATOR_ADD_MEMBER'],
  ])('rejects %j naming %s', (env, named) => {
    expect(errorOf(env).message).toContain(named);
  });

  it('never quotes a token or certificate in a message', () => {
    const messages = [
      errorOf({ ...remote, CHAT_APP_TOKEN: `${TOKEN} x` }),
      errorOf({ ...remote, CHAT_APP_TOKEN: TOKEN, AGORA_APP_ID: APP_ID, AGORA_APP_CERTIFICATE: CERT }),
      errorOf({ ...remote, AGORA_APP_ID: APP_ID, AGORA_APP_CERTIFICATE: `${CERT}zz` }),
      errorOf({ CHAT_APP_TOKEN: TOKEN, AGORA_APP_CERTIFICATE: CERT }),
      errorOf({ ...remote, ...easemob, CHAT_APP_TOKEN: TOKEN }),
      errorOf({ ...remote, EASEMOB_CLIENT_ID: CLIENT_ID, EASEMOB_CLIENT_SECRET: `${CLIENT_SECRET}!` }),
    ].map((error) => error.message);
    for (const message of messages) {
      expect(message).not.toContain(TOKEN);
      expect(message).not.toContain(CERT);
      expect(message).not.toContain(CLIENT_SECRET);
    }
  });

  it('refuses a Chat host without TLS unless it is on this machine', () => {
    expect(
      errorOf({ ...remote, CHAT_APP_TOKEN: TOKEN, CHAT_HOST: 'http://a41.chat.agora.io' }).message,
    ).toMatch(/must use https/);
    expect(
      loadConfig({ ...remote, CHAT_APP_TOKEN: TOKEN, CHAT_HOST: 'http://localhost:8090' }).chat,
    ).toMatchObject({
      kind: 'remote',
    });
  });

  it('answers only to loopback names on loopback, to ALLOWED_HOSTS when set, else to any name', () => {
    expect(loadConfig({}).allowedHostnames).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(loadConfig({ ALLOWED_HOSTS: 'Admin.Example.com, localhost' }).allowedHostnames).toEqual([
      'admin.example.com',
      'localhost',
    ]);
    expect(loadConfig({ HOST: '127.0.0.2' }).allowedHostnames).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
      '127.0.0.2',
    ]);
    expect(loadConfig({ HOST: '::1' }).allowedHostnames).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(
      loadConfig({ HOST: '0.0.0.0', AUTH_MODE: 'password', TRUSTED_PROXIES: '10.0.0.5' }).allowedHostnames,
    ).toBeNull();
    expect(errorOf({ ALLOWED_HOSTS: 'a b' }).message).toMatch(/ALLOWED_HOSTS/);
  });

  it('reads the log level, info unless LOG_LEVEL says otherwise', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'DEBUG' }).logLevel).toBe('debug');
    expect(errorOf({ LOG_LEVEL: 'verbose' }).message).toBe(
      'LOG_LEVEL must be "debug", "info", "warn", "error" (got "verbose").',
    );
  });

  it('refuses passwords over plain HTTP where other machines can reach the server, saying how to fix it', () => {
    for (const host of ['0.0.0.0', '192.168.1.20', 'admin.example.com', '::']) {
      const message = errorOf({ HOST: host, AUTH_MODE: 'password' }).message;
      expect(message).toContain(`HOST is ${host}`);
      expect(message).toContain('serves only plain HTTP');
      expect(message).toContain('TRUSTED_PROXIES');
      expect(message).toContain('X-Forwarded-Proto: https');
    }
    expect(loadConfig({ HOST: '127.0.0.1', AUTH_MODE: 'password' }).auth.mode).toBe('password');
    expect(loadConfig({ HOST: '::', AUTH_MODE: 'password', TRUSTED_PROXIES: '::1' }).auth).toMatchObject({
      trustedProxies: ['::1'],
    });
  });

  it('refuses to start without sign-in where other machines can reach the server, saying why', () => {
    for (const host of ['0.0.0.0', '192.168.1.20', 'admin.example.com', '::']) {
      const message = errorOf({ HOST: host }).message;
      expect(message).toContain('AUTH_MODE');
      expect(message).toContain('everyone who can reach the server a moderator');
    }
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.0.0.2']) {
      expect(loadConfig({ HOST: host }).auth).toEqual({ mode: 'none' });
    }
  });

  it('reads the sign-in proxy settings', () => {
    expect(
      loadConfig({
        HOST: '0.0.0.0',
        AUTH_MODE: 'proxy',
        AUTH_PROXY_ADDRESSES: '10.0.0.5, ::1',
        MODERATORS: 'Ann@example.com,bob@example.com',
      }).auth,
    ).toEqual({
      mode: 'proxy',
      header: 'X-Forwarded-Email',
      trustedAddresses: ['10.0.0.5', '::1'],
      moderators: ['ann@example.com', 'bob@example.com'],
    });
    expect(errorOf({ AUTH_MODE: 'proxy' }).message).toContain('AUTH_PROXY_ADDRESSES is required');
    expect(errorOf({ AUTH_MODE: 'proxy', AUTH_PROXY_ADDRESSES: 'proxy.internal' }).message).toContain(
      'IP addresses',
    );
    expect(
      errorOf({ AUTH_MODE: 'proxy', AUTH_PROXY_ADDRESSES: '10.0.0.5', AUTH_PROXY_HEADER: 'a b' }).message,
    ).toContain('AUTH_PROXY_HEADER');
  });

  it('reads the password settings, with roles kept per account rather than in MODERATORS', () => {
    expect(loadConfig({ AUTH_MODE: 'password', DATA_DIR: '/srv/tma', SESSION_HOURS: '8' }).auth).toEqual({
      mode: 'password',
      usersFile: '/srv/tma/users.json',
      sessionHours: 8,
      trustedProxies: [],
    });
    expect(loadConfig({ AUTH_MODE: 'password', TRUSTED_PROXIES: '10.0.0.5, ::1' }).auth).toMatchObject({
      trustedProxies: ['10.0.0.5', '::1'],
    });
    expect(errorOf({ AUTH_MODE: 'password', TRUSTED_PROXIES: 'proxy.internal' }).message).toContain(
      'TRUSTED_PROXIES',
    );
    expect(
      errorOf({ AUTH_MODE: 'proxy', AUTH_PROXY_ADDRESSES: '10.0.0.5', TRUSTED_PROXIES: '10.0.0.5' }).message,
    ).toContain('TRUSTED_PROXIES');
    expect(errorOf({ AUTH_MODE: 'password', MODERATORS: 'ann' }).message).toContain('MODERATORS');
    expect(errorOf({ MODERATORS: 'ann' }).message).toContain('AUTH_MODE');
    expect(errorOf({ AUTH_MODE: 'password', SESSION_HOURS: '0' }).message).toContain('SESSION_HOURS');
    expect(errorOf({ AUTH_MODE: 'kerberos' }).message).toContain('"none", "proxy" or "password"');
  });

  it('names every malformed setting at once, each on its own line', () => {
    expect(errorOf({ HOST: 'a b', PORT: 'x', LOG_LEVEL: 'verbose' }).message).toBe(
      [
        'HOST must be an interface address or host name (got "a b").',
        'PORT must be an integer from 0 to 65535 (got "x").',
        'LOG_LEVEL must be "debug", "info", "warn", "error" (got "verbose").',
      ].join('\n'),
    );
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', CHAT_HOST: '', CHAT_APP_TOKEN: '' }).port).toBe(8080);
  });
});
