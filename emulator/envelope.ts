// Builds the JSON envelopes the Chat API wraps every answer in.
import type { Context } from 'hono';
import type { ChatApiError } from './chat-error.ts';
import type { EmulatorEnv } from './hono-env.ts';
import type { EmulatorRuntime } from './runtime.ts';

export interface SuccessBody {
  data?: unknown;
  entities?: unknown[];
  properties?: Record<string, string>;
}

/** The path below `/{org}/{app}` or its `/app-id/{appId}` alias, as the API reports it. */
function pathUnderBase(pathname: string, { basePath, credentials }: EmulatorRuntime) {
  const alias = `/app-id/${credentials.appId}`;
  const base = pathname.startsWith(`${alias}/`) || pathname === alias ? alias : basePath;
  return pathname.slice(base.length) || '/';
}

export function successResponse(c: Context<EmulatorEnv>, body: SuccessBody): Response {
  const { config, now } = c.var.emulator;
  const url = new URL(c.req.url);
  const timestamp = now();
  return c.json(
    {
      action: c.req.method.toLowerCase(),
      application: config.applicationUuid,
      applicationName: config.app,
      organization: config.org,
      uri: `${url.origin}${url.pathname}`,
      path: pathUnderBase(url.pathname, c.var.emulator),
      ...body,
      timestamp,
      duration: Math.max(0, timestamp - c.var.startedAt),
    },
    200,
  );
}

export function errorEnvelope(error: ChatApiError, timestamp: number, startedAt: number) {
  return {
    error: error.code,
    error_code: error.errorCode,
    exception: error.exception,
    timestamp,
    duration: Math.max(0, timestamp - startedAt),
    error_description: error.description,
  };
}
