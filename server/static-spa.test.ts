import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticSpa } from './static-spa.ts';

let distDir: string;
let emptyDir: string;

beforeAll(async () => {
  distDir = await mkdtemp(path.join(tmpdir(), 'tma-dist-'));
  emptyDir = await mkdtemp(path.join(tmpdir(), 'tma-empty-'));
  await mkdir(path.join(distDir, 'assets'));
  await writeFile(path.join(distDir, 'index.html'), '<!doctype html><title>SPA</title>');
  await writeFile(path.join(distDir, 'assets', 'main-abc123.js'), 'console.log(1)');
  await writeFile(path.join(distDir, 'robots.txt'), 'User-agent: *');
  await writeFile(path.join(path.dirname(distDir), 'tma-outside.txt'), 'secret');
});

afterAll(async () => {
  await rm(distDir, { recursive: true, force: true });
  await rm(emptyDir, { recursive: true, force: true });
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
