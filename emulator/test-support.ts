// Shared helpers for the emulator's tests: an emulator with a client over its in-process fetch, and the
// seed document's response examples as shape fixtures.
import { expect } from 'vitest';
import { API_VARIANT_NAMES, API_VARIANT_VALUES, DEFAULT_API_VARIANTS } from './api-variants.ts';
import type { ApiVariants } from './api-variants.ts';
import { createEmulator } from './emulator.ts';
import type { Emulator, EmulatorOptions } from './emulator.ts';

/** Response examples of endpoints 1–3, copied from the seed document (manage-thread-members.txt). */
export const SEED_EXAMPLES = {
  listMembers: {
    action: 'get',
    data: { affiliations: ['test4'] },
    duration: 4,
    properties: {
      cursor: 'ZGNiMjRmNGY1YjczYjlhYTNkYjk1MDY2YmEyNzFmODQ6aW06dGhyZWFkOmVhc2Vtb2ItZGVtbyN0ZXN0eToyMA',
    },
    timestamp: 1650872048366,
    uri: 'http://XXXX.com/XXXX/testy/thread/179786360094768/users',
  },
  addMembers: {
    action: 'post',
    applicationName: 'testapp',
    data: { status: 'ok' },
    duration: 1069,
    organization: 'XXXX',
    timestamp: 1650872649160,
    uri: 'http://XXXX.com/XXXX/testy/thread/179786360094768/joined_thread',
  },
  removeMembers: {
    action: 'delete',
    applicationName: 'testy',
    duration: 12412,
    entities: [
      { result: false, user: 'test2' },
      { result: false, user: 'test6' },
    ],
    organization: 'XXXX',
    timestamp: 1650874050419,
    uri: 'http://XXXX.com/XXXX/testy/thread/179786360094768/users',
  },
} as const;

/** Asserts that `actual` has every key of `example` with a value of the same JSON type, recursively. */
export function expectSameShape(actual: unknown, example: unknown, path = '$'): void {
  if (Array.isArray(example)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    const first: unknown = example[0];
    if (first !== undefined)
      for (const item of actual as unknown[]) expectSameShape(item, first, `${path}[]`);
    return;
  }
  if (typeof example === 'object' && example !== null) {
    expect(typeof actual === 'object' && actual !== null, `${path} is an object`).toBe(true);
    for (const [key, value] of Object.entries(example)) {
      expect(actual, `${path} has ${key}`).toHaveProperty([key]);
      expectSameShape((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    }
    return;
  }
  expect(typeof actual, `${path} type`).toBe(typeof example);
}

/** Every combination of the API variants (36), for suites that must hold under each: `it.each(…)`. */
export function everyApiVariantCombination(): ApiVariants[] {
  let combinations: ApiVariants[] = [{ ...DEFAULT_API_VARIANTS }];
  for (const name of API_VARIANT_NAMES) {
    combinations = combinations.flatMap((partial) =>
      API_VARIANT_VALUES[name].map((value) => ({ ...partial, [name]: value })),
    );
  }
  return combinations;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  json: Record<string, unknown> | undefined;
}

export interface CallOptions {
  query?: Record<string, string>;
  body?: unknown;
  /** Sent as is, instead of JSON-encoding `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
  token?: string | null;
}

export interface TestApi {
  emulator: Emulator;
  token: string;
  call(method: string, path: string, options?: CallOptions): Promise<ApiResponse>;
}

export const TEST_ORIGIN = 'http://chat.test';

export function createTestApi(options: EmulatorOptions = {}): TestApi {
  const emulator = createEmulator({ seed: 'demo', ...options });
  const token = emulator.issueAppToken();
  const call = async (method: string, path: string, opts: CallOptions = {}): Promise<ApiResponse> => {
    const url = new URL(`${TEST_ORIGIN}${path.startsWith('/_') ? '' : emulator.basePath}${path}`);
    for (const [key, value] of Object.entries(opts.query ?? {})) url.searchParams.set(key, value);
    const headers: Record<string, string> = {};
    const useToken = opts.token === undefined ? token : opts.token;
    if (useToken !== null) headers.authorization = `Bearer ${useToken}`;
    let body: string | undefined = opts.rawBody;
    if (body === undefined && opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    const response = await emulator.fetch(url, { method, body, headers: { ...headers, ...opts.headers } });
    const text = await response.text();
    let json: Record<string, unknown> | undefined;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  };
  return { emulator, token, call };
}

/** Asserts the error envelope and its code and description. */
export function expectChatError(
  response: ApiResponse,
  status: number,
  error: string,
  description: string,
): void {
  expect(response.status).toBe(status);
  expect(response.json).toMatchObject({ error, error_description: description });
  expectSameShape(response.json, {
    error: '',
    error_code: 0,
    exception: '',
    timestamp: 0,
    duration: 0,
    error_description: '',
  });
}

export function cursorOf(response: ApiResponse): string | undefined {
  const properties = response.json?.properties as { cursor?: string } | undefined;
  return properties?.cursor;
}

export function membersOf(response: ApiResponse): string[] {
  return (response.json?.data as { affiliations: string[] }).affiliations;
}
