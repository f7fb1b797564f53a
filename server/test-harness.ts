// Test plumbing: the server app wired to a real in-process emulator, with every upstream call, response and
// log line recorded so a test file can assert that no secret ever left the server.
import { connect } from 'node:net';
import { expect } from 'vitest';
import { createEmulator, DEMO_APP_CERTIFICATE, DEMO_APP_ID } from '../emulator/emulator.ts';
import type { Emulator, EmulatorOptions } from '../emulator/emulator.ts';
import { createServerApp, type ServerApp, type ServerAppOptions } from './app.ts';
import { openAuditStore, type AuditStore } from './audit-store.ts';
import type { UpstreamFetch } from './chat-proxy.ts';
import type { AuthConfig } from './config.ts';
import { createAppTokenProvider, type AppTokenProvider } from './credentials.ts';
import { createLogger } from './logger.ts';
import type { ChatBackend } from './session-route.ts';

export const UPSTREAM_ORIGIN = 'http://chat.test';

/** What the proxy sent upstream and what came back, as the emulator saw it. */
export interface UpstreamExchange {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
  status?: number;
  responseText?: string;
  responseContentType?: string | null;
}

export interface ObservedResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

// Module state is per test file (vitest isolates modules), which is the scope of each leak check.
const secrets = new Set<string>([DEMO_APP_CERTIFICATE]);
const observed: string[] = [];

export function rememberSecret(secret: string): void {
  secrets.add(secret);
}

function observe(text: string): void {
  observed.push(text);
}

/** Fails if any response body, response header or log line seen in this file contained a secret. */
export function expectNoSecretsLeaked(): void {
  expect(observed.length).toBeGreaterThan(0);
  for (const secret of secrets) {
    const leaks = observed.filter((text) => text.includes(secret));
    expect(leaks, 'responses and log lines must not contain a token or certificate').toEqual([]);
  }
}

/** Records a token provider's every token as a secret. */
function recordingProvider(inner: AppTokenProvider): AppTokenProvider {
  return {
    kind: inner.kind,
    renewable: inner.renewable,
    async token() {
      const token = await inner.token();
      rememberSecret(token);
      return token;
    },
    invalidate: () => inner.invalidate(),
  };
}

/** Wraps a real fetch and records each exchange; it never invents a response. */
export function capturingFetch(inner: UpstreamFetch, exchanges: UpstreamExchange[]): UpstreamFetch {
  return async (request) => {
    const exchange: UpstreamExchange = {
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: await request.clone().text(),
      signal: request.signal,
    };
    exchanges.push(exchange);
    const response = await inner(request);
    exchange.status = response.status;
    exchange.responseText = await response.clone().text();
    exchange.responseContentType = response.headers.get('content-type');
    return response;
  };
}

async function observeResponse(response: Response): Promise<ObservedResponse> {
  const text = await response.text();
  observe(text);
  observe(JSON.stringify(Object.fromEntries(response.headers)));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export interface HarnessOptions {
  emulator?: EmulatorOptions;
  /** Wraps the emulator's fetch, e.g. to point the proxy somewhere else. */
  upstreamFetch?: (emulatorFetch: UpstreamFetch) => UpstreamFetch;
  upstreamOrigin?: string;
  proxy?: ServerAppOptions['proxy'];
  distDir?: string;
  backend?: Partial<ChatBackend>;
  auth?: AuthConfig;
  now?: () => number;
  /** Wraps the real token provider, e.g. to hand out a revoked token first. */
  tokenProvider?: (real: AppTokenProvider, emulator: Emulator) => AppTokenProvider;
  operations?: ServerAppOptions['operations'];
}

export interface Harness {
  emulator: Emulator;
  app: ServerApp;
  config: ChatBackend;
  exchanges: UpstreamExchange[];
  logLines: string[];
  /** The audit log, in memory. */
  audit: AuditStore;
  /**
   * Calls the app in-process (the URL is normalised like any Request URL); `from` is the address the
   * request appears to come from, as the Node adapter would report it.
   */
  call(path: string, init?: RequestInit, from?: string): Promise<ObservedResponse>;
  close(): void;
}

export function createHarness(options: HarnessOptions = {}): Harness {
  const emulator = createEmulator({ seed: 'demo', rateLimit: null, ...options.emulator });
  const exchanges: UpstreamExchange[] = [];
  const logLines: string[] = [];
  const realProvider = createAppTokenProvider({
    kind: 'app-certificate',
    appId: DEMO_APP_ID,
    appCertificate: DEMO_APP_CERTIFICATE,
  });
  const tokenProvider = recordingProvider(options.tokenProvider?.(realProvider, emulator) ?? realProvider);
  const upstream = options.upstreamFetch?.(emulator.fetch) ?? emulator.fetch;
  const config: ChatBackend = {
    backend: 'emulator',
    host: options.upstreamOrigin ?? UPSTREAM_ORIGIN,
    org: emulator.config.org,
    app: emulator.config.app,
    credential: 'app-certificate',
    ...options.backend,
  };
  const audit = openAuditStore(':memory:', { retentionDays: 30 });
  const app = createServerApp({
    config,
    tokenProvider,
    fetch: capturingFetch(upstream, exchanges),
    // Every line, a request's too, so that the leak checks see everything a debugging operator would.
    logger: createLogger(
      (line) => {
        logLines.push(line);
        observe(line);
      },
      { level: 'debug' },
    ),
    audit,
    ...(options.auth === undefined ? {} : { auth: options.auth }),
    ...(options.now === undefined ? {} : { now: options.now }),
    distDir: options.distDir ?? '/nonexistent-dist',
    ...(options.proxy === undefined ? {} : { proxy: options.proxy }),
    ...(options.operations === undefined ? {} : { operations: options.operations }),
  });
  return {
    emulator,
    app,
    config,
    exchanges,
    logLines,
    audit,
    call: async (path, init, from) =>
      observeResponse(
        await app.request(
          path,
          init,
          from === undefined ? undefined : { incoming: { url: path, socket: { remoteAddress: from } } },
        ),
      ),
    close: () => {
      void app.operations.close();
      audit.close();
      emulator.close();
    },
  };
}

/** For a test file that needs harnesses with different options: each is closed by `closeAll`. */
export function harnessPool(): {
  harnessWith: (options?: HarnessOptions) => Harness;
  closeAll: () => void;
} {
  const harnesses: Harness[] = [];
  return {
    harnessWith: (options = {}) => {
      const harness = createHarness(options);
      harnesses.push(harness);
      return harness;
    },
    closeAll: () => {
      for (const harness of harnesses.splice(0)) harness.close();
    },
  };
}

/**
 * Sends bytes exactly as written over a socket, because fetch and node:http normalise or refuse the
 * malformed request targets an attacker would send (`..`, backslashes, absolute forms).
 */
export function rawHttpRequest(port: number, target: string, method = 'GET'): Promise<ObservedResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = raw.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers = new Headers();
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
      }
      const text = rest.join('\r\n\r\n');
      observe(raw);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, text, json });
    });
    socket.write(`${method} ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
  });
}
