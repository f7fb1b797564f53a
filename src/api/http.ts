// The ky instance every endpoint function uses, and the translation of failures into ApiError.
import ky, { HTTPError, TimeoutError, type KyInstance } from 'ky';
import { NO_RETRY_HEADER } from '../lib/no-retry.ts';
import { ApiError } from './api-error.ts';
import { MalformedResponse, asRecord } from './parse.ts';

export interface ApiClientOptions {
  /** Absolute or page-relative base of the dashboard's own API, `/api` in the browser. */
  baseUrl: string;
  /** Lets tests hand requests to an in-process server instead of the network. */
  fetch?: typeof fetch;
  /** Retries of a GET on 429 and 5xx; the API sends no Retry-After, so ky backs off with jitter. */
  retryLimit?: number;
  /** The first retry's delay; each further retry doubles it (full jitter makes the wait 0 to that). */
  retryBaseMs?: number;
}

export function createApiClient({
  baseUrl,
  fetch,
  retryLimit = 3,
  retryBaseMs = 400,
}: ApiClientOptions): KyInstance {
  return ky.create({
    prefixUrl: baseUrl,
    timeout: 20_000,
    credentials: 'same-origin',
    retry: {
      limit: retryLimit,
      methods: ['get'],
      statusCodes: [429, 500, 502, 503, 504],
      afterStatusCodes: [],
      delay: (attempt) => retryBaseMs * 2 ** (attempt - 1),
      backoffLimit: 4_000,
      jitter: true,
      shouldRetry: ({ error }) =>
        error instanceof HTTPError && error.response.headers.has(NO_RETRY_HEADER) ? false : undefined,
    },
    ...(fetch ? { fetch } : {}),
  });
}

/** Runs a request and parses its JSON body, turning every kind of failure into an ApiError naming `endpoint`. */
export async function requestJson<T>(
  endpoint: string,
  send: () => Promise<Response>,
  parse: (body: unknown) => T,
): Promise<T> {
  let body: unknown;
  try {
    const response = await send();
    body = await response.json();
  } catch (error) {
    throw await toApiError(endpoint, error);
  }
  try {
    return parse(body);
  } catch (error) {
    if (error instanceof MalformedResponse) {
      throw new ApiError(endpoint, 200, null, `The response was not understood (${error.message}).`);
    }
    throw error;
  }
}

/** Runs a request whose body is a file (CSV), turning every kind of failure into an ApiError naming `endpoint`. */
export async function requestBlob(endpoint: string, send: () => Promise<Response>): Promise<Blob> {
  try {
    return await (await send()).blob();
  } catch (error) {
    throw await toApiError(endpoint, error);
  }
}

async function toApiError(endpoint: string, error: unknown): Promise<ApiError> {
  if (error instanceof HTTPError) {
    const { status, statusText } = error.response;
    const envelope = await readErrorEnvelope(error.response);
    return new ApiError(
      endpoint,
      status,
      envelope?.code ?? null,
      envelope?.description ?? (statusText || 'The server answered with an error.'),
    );
  }
  if (error instanceof TimeoutError) {
    return new ApiError(endpoint, 0, null, 'The server did not answer in time.');
  }
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new ApiError(endpoint, 0, 'aborted', 'The request was cancelled.');
  }
  if (error instanceof SyntaxError) {
    return new ApiError(endpoint, 200, null, 'The response was not valid JSON.');
  }
  return new ApiError(
    endpoint,
    0,
    null,
    'The server could not be reached. Check the connection and try again.',
  );
}

async function readErrorEnvelope(response: Response): Promise<{ code: string; description: string } | null> {
  try {
    const envelope = asRecord(await response.json(), 'error body');
    const code = envelope.error;
    const description = envelope.error_description;
    if (typeof code !== 'string') return null;
    return { code, description: typeof description === 'string' ? description : code };
  } catch {
    return null;
  }
}
