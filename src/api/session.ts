// GET /api/session: which Chat backend the server talks to.
import type { KyInstance } from 'ky';
import { requestJson } from './http.ts';
import { MalformedResponse, asRecord, asString } from './parse.ts';

export type Session =
  | { backend: 'emulator'; org: string; app: string }
  | { backend: 'agora'; host: string; org: string; app: string };

export function parseSession(body: unknown): Session {
  const record = asRecord(body, 'session');
  const org = asString(record.org, 'session.org');
  const app = asString(record.app, 'session.app');
  if (record.backend === 'emulator') return { backend: 'emulator', org, app };
  if (record.backend === 'agora')
    return { backend: 'agora', host: asString(record.host, 'session.host'), org, app };
  throw new MalformedResponse('session.backend is neither "emulator" nor "agora"');
}

export function fetchSession(api: KyInstance, signal?: AbortSignal): Promise<Session> {
  return requestJson('the session', () => api.get('session', { signal }), parseSession);
}
