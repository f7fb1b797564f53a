import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonForward } from './person-share.ts';
import { colorModeOf, createFirstScreenRenderer, SERVER_ENTRY } from './first-screen.ts';
import { createLogger } from './logger.ts';

let distDir: string;
const logLines: string[] = [];

/** A stand-in for the built entry: it reports what its fetchApi answered, so the routing can be checked. */
const FAKE_ENTRY = `
export async function render({ url, colorMode, fetchApi }) {
  if (url.startsWith('/threads/fails')) throw new TypeError('broken');
  const ask = async (path) => {
    const response = await fetchApi(new Request('http://x.invalid' + path));
    return response.status + ' ' + (await response.text());
  };
  const answers = [await ask('/api/session'), await ask('/api/chat/thread/t1'), await ask('/api/activity')];
  return { head: '', root: url + ' ' + colorMode, data: JSON.stringify(answers) };
}
`;

beforeAll(async () => {
  distDir = await mkdtemp(path.join(tmpdir(), 'tma-first-screen-'));
  await mkdir(path.join(distDir, 'server'));
  await writeFile(path.join(distDir, SERVER_ENTRY), FAKE_ENTRY);
});

afterAll(async () => {
  await rm(distDir, { recursive: true, force: true });
});

const forward: PersonForward = (request, rawTarget, person) =>
  Promise.resolve(new Response(`forwarded ${request.method} ${rawTarget} for ${person}`, { status: 200 }));

function renderer(dir = distDir) {
  return createFirstScreenRenderer({
    distDir: dir,
    forward,
    session: (identity) => ({ user: identity }),
    logger: createLogger((line) => logLines.push(line)),
  });
}

const ann = { name: 'ann', role: 'viewer' } as const;
const page = (urlPath: string, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${urlPath}`, { headers });

describe('first screen on the server', () => {
  it("renders a thread page with the session of the request's identity and the Chat API through the proxy", async () => {
    const screen = await renderer()(page('/threads/t1?limit=7', { cookie: 'tma_color_mode=dark' }), ann);
    expect(screen?.root).toBe('/threads/t1?limit=7 dark');
    expect(JSON.parse(screen?.data ?? '')).toEqual([
      '200 {"user":{"name":"ann","role":"viewer"}}',
      '200 forwarded GET /api/chat/thread/t1 for ann',
      // Nothing but the session and the Chat API: the first screen asks only for its data.
      expect.stringMatching(/^404 /),
    ]);
    expect(screen?.renderMs).toBeGreaterThanOrEqual(0);
  });

  it('leaves signed-out requests, other pages and HEAD to the browser', async () => {
    const render = renderer();
    expect(await render(page('/threads/t1'), undefined)).toBeNull();
    expect(await render(page('/activity'), ann)).toBeNull();
    expect(await render(new Request('http://localhost/threads/t1', { method: 'HEAD' }), ann)).toBeNull();
  });

  it('leaves the page to the browser when dist/ has no server entry', async () => {
    expect(await renderer(path.join(distDir, 'missing'))(page('/threads/t1'), ann)).toBeNull();
  });

  it('logs a failed render by the name of its error and leaves the page to the browser', async () => {
    expect(await renderer()(page('/threads/fails'), ann)).toBeNull();
    expect(logLines.some((line) => line.includes('"errorName":"TypeError"'))).toBe(true);
  });
});

describe('colorModeOf', () => {
  it('takes the chosen mode from the cookie, else the browser hint, else light', () => {
    expect(colorModeOf(page('/', { cookie: 'a=1; tma_color_mode=dark' }))).toBe('dark');
    expect(colorModeOf(page('/', { 'sec-ch-prefers-color-scheme': '"dark"' }))).toBe('dark');
    expect(
      colorModeOf(page('/', { cookie: 'tma_color_mode=light', 'sec-ch-prefers-color-scheme': '"dark"' })),
    ).toBe('light');
    expect(colorModeOf(page('/', { cookie: 'tma_color_mode=purple' }))).toBe('light');
  });
});
