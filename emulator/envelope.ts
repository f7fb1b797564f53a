// Builds the JSON envelopes the Chat API wraps every answer in.
import type { Context } from 'hono';
import type { ChatApiError } from './chat-error.ts';
import type { EmulatorEnv } from './hono-env.ts';

export interface SuccessBody {
  data?: unknown;
  entities?: unknown[];
  properties?: Record<string, string>;
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
      path: url.pathname.slice(c.var.emulator.basePath.length) || '/',
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
    exception: error.exception,
    timestamp,
    duration: Math.max(0, timestamp - startedAt),
    error_description: error.description,
  };
}
