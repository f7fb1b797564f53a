import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticSpa } from './static-spa.ts';

let distDir: string;
let emptyDir: string;
let viteDir: string;

/** The shape of Vite's dist/index.html: the entry script and module preloads in the head. */
const VITE_INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Thread Members Admin</title>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vendor-def.js">
  </head>
  <body><div id="root"></div></body>
</html>`;

beforeAll(async () => {
  distDir = await mkdtemp(path.join(tmpdir(), 'tma-dist-'));
  emptyDir = await mkdtemp(path.join(tmpdir(), 'tma-empty-'));
  viteDir = await mkdtemp(path.join(tmpdir(), 'tma-vite-'));
  await writeFile(path.join(viteDir, 'index.html'), VITE_INDEX);
  await mkdir(path.join(distDir, 'assets'));
  await writeFile(path.join(distDir, 'index.html'), '<!doctype html><title>SPA</title>');
  await writeFile(path.join(distDir, 'assets', 'main-abc123.js'), 'console.log(1)');
  await writeFile(path.join(distDir, 'robots.txt'), 'User-agent: *');
  await writeFile(path.join(path.dirname(distDir), 'tma-outside.txt'), 'secret');
});

afterAll(async () => {
  await rm(distDir, { recursive: true, force: true });
  await rm(emptyDir, { recursive: true, force: true });
  await rm(viteDir, { recursive: true, force: true });
  await rm(path.join(path.dirname(distDir), 'tma-outside.txt'), { force: true });
});

const get = (dir: string, urlPath: string, method = 'GET'): Promise<Response> =>
  createStaticSpa(dir)(new Request(`http://localhost${urlPath}`, { method }));

describe('static SPA', () => {
  it('serves index.html at / without long caching', async () => {
    const response = await get(distDir, '/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<title>SPA</title>');
  });

  it('sends the page with a policy that runs only its own scripts and forbids framing', async () => {
    const response = await get(distDir, '/threads/180000000100002');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const response = await get(distDir, '/assets/main-abc123.js');
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('serves other public files with revalidation', async () => {
    const response = await get(distDir, '/robots.txt');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('falls back to index.html for client-side routes', async () => {
    const response = await get(distDir, '/threads/123/members');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>SPA</title>');
  });

  it('answers HEAD without a body', async () => {
    const response = await get(distDir, '/', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('404s a missing hashed asset instead of sending HTML', async () => {
    expect((await get(distDir, '/assets/old-999.js')).status).toBe(404);
  });

  it('never serves files outside dist', async () => {
    for (const attempt of [
      '/%2e%2e/tma-outside.txt',
      '/..%2ftma-outside.txt',
      '/assets/%2e%2e/%2e%2e/tma-outside.txt',
    ]) {
      const text = await (await get(distDir, attempt)).text();
      expect(text).not.toContain('secret');
    }
  });

  it('explains a missing build with a 503 page', async () => {
    const response = await get(emptyDir, '/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });
});

const hint = (href: string): string => `<link rel="preload" as="fetch" crossorigin href="${href}">`;

/** The index.html served for a target, with the hints the server added taken out again. */
async function servedIndex(target: string): Promise<{ text: string; hints: string[] }> {
  const text = await (await get(viteDir, target)).text();
  const hints = text.match(/<link rel="preload"[^>]*>/g) ?? [];
  return { text, hints };
}

describe('static SPA: preload hints of the members page', () => {
  it('starts the first member page, the thread details and the session before the entry script', async () => {
    const { text, hints } = await servedIndex('/threads/180000000100001');
    expect(hints).toEqual([
      hint('/api/chat/thread/180000000100001/users?limit=50'),
      hint('/api/chat/thread/180000000100001'),
      hint('/api/session'),
    ]);
    expect(text.indexOf(hints[2] ?? '')).toBeLessThan(text.indexOf('<script'));
    expect(text.replace(hints.join(''), '')).toBe(VITE_INDEX);
  });

  it('uses the page size from ?limit= and falls back to 50 when it is not 1..50', async () => {
    expect((await servedIndex('/threads/71/?limit=7&q=ann')).hints[0]).toBe(
      hint('/api/chat/thread/71/users?limit=7'),
    );
    expect((await servedIndex('/threads/71?limit=500')).hints[0]).toBe(
      hint('/api/chat/thread/71/users?limit=50'),
    );
  });

  it('serves other pages and invalid ids the index.html unchanged', async () => {
    for (const target of ['/', '/threads', '/threads/71/extra', '/activity', '/threads/a%20b']) {
      expect((await servedIndex(target)).text, target).toBe(VITE_INDEX);
    }
  });

  it('lets no markup in through the path or the query', async () => {
    const attacks = [
      '/threads/x"><script>alert(1)</script>',
      '/threads/x%22%3E%3Cscript%3Ealert(1)%3C/script%3E',
      "/threads/x'onload='alert(1)",
      '/threads/71?limit=5"><script>alert(1)</script>',
      '/threads/71?limit=%22%3E%3Cscript%3E',
      '/threads/71?q="><script>alert(1)</script>&limit=5',
      '/threads/71?limit=5&limit="><img src=x onerror=alert(1)>',
    ];
    for (const target of attacks) {
      const { text, hints } = await servedIndex(target);
      // Either no hint, or only plain hints of thread 71: nothing from the request is echoed into the page.
      const safe = [5, 50].map((n) => hint(`/api/chat/thread/71/users?limit=${n}`));
      safe.push(hint('/api/chat/thread/71'), hint('/api/session'));
      for (const link of hints) expect(safe, target).toContain(link);
      expect(text.replace(hints.join(''), ''), target).toBe(VITE_INDEX);
      expect(text.match(/<script/g), target).toHaveLength(1);
    }
  });

  it('leaves HEAD bodiless', async () => {
    expect(await (await get(viteDir, '/threads/71', 'HEAD')).text()).toBe('');
  });
});

describe('static SPA: a first screen rendered on the server', () => {
  const moderator = { name: 'ann', role: 'moderator' } as const;
  const screen = {
    head: '<style data-emotion="css a1">.css-a1{color:red}</style>',
    root: '<main>ann$&bob</main>',
    data: '{"colorMode":"dark"}',
    renderMs: 12.34,
  };
  const serve = (urlPath: string) =>
    createStaticSpa(viteDir, (request, identity) =>
      Promise.resolve(identity && new URL(request.url).pathname === '/threads/71' ? screen : null),
    )(new Request(`http://localhost${urlPath}`), moderator);

  it('puts the styles in the head, the HTML in #root and the data in a script that never runs', async () => {
    const response = await serve('/threads/71');
    const text = await response.text();
    expect(text).toContain('<style data-emotion="css a1">.css-a1{color:red}</style><script type="module"');
    expect(text).toContain(
      '<div id="root"><main>ann$&bob</main></div><script type="application/json" id="first-screen-data">{"colorMode":"dark"}</script>',
    );
    // The embedded data replaces the preload hints; a page with a user's data is never cached.
    expect(text).not.toContain('rel="preload"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('server-timing')).toBe('render;dur=12.3');
    expect(response.headers.get('vary')).toContain('cookie');
  });

  it('serves the index with its preload hints when the renderer declines', async () => {
    const text = await (await serve('/threads/72')).text();
    expect(text).toContain('rel="preload"');
    expect(text).toContain('<div id="root"></div>');
  });

  it('never serves the server entry beside the browser files', async () => {
    await mkdir(path.join(distDir, 'server'), { recursive: true });
    await writeFile(path.join(distDir, 'server', 'entry-server.js'), 'export const render = 1;');
    const response = await get(distDir, '/server/entry-server.js');
    expect(response.status).toBe(404);
  });

  it('never serves a source map, even one a development build left behind', async () => {
    await writeFile(path.join(distDir, 'assets', 'main-abc123.js.map'), '{"sources":["src/main.tsx"]}');
    for (const url of ['/assets/main-abc123.js.map', '/assets/MAIN-abc123.js.MAP']) {
      const response = await get(distDir, url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('sources');
    }
  });
});
