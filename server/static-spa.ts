// Serves the built SPA from dist/: hashed assets cached for a year, index.html revalidated, SPA fallback.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FirstScreenRenderer } from './first-screen.ts';
import { withFirstScreen } from './first-screen-html.ts';
import { acceptsGzip, gzipBody } from './gzip-body.ts';
import type { Identity } from './identity.ts';
import { membersPagePreloadUrls } from './members-page-preloads.ts';
import { fetchPreloadLinks, insertIntoHead } from './preload-links.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The page runs only its own scripts and cannot be framed (headers every response carries are set in
 * security-headers.ts). Styles allow inline because MUI's emotion writes
 * its styles into <style> elements at run time.
 */
const HTML_SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
};

/** Vite puts content-hashed files here, so their URL changes whenever their content does. */
const HASHED_ASSETS_PREFIX = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
/** A page rendered with a user's data, like the API's answers, is kept by no cache. */
const NO_STORE = 'no-store';
const COLOR_SCHEME_HINT = 'sec-ch-prefers-color-scheme';
/** The server entry lives in dist/ beside the browser's files but is the server's code, not the browser's. */
const SERVER_ONLY_PREFIX = '/server/';

const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Thread Members Admin: not built</title></head>
<body><h1>The dashboard has not been built</h1>
<p>The server found no <code>dist/index.html</code>. Run <code>npm run build</code> (or start with
<code>npm start</code>, which builds when needed) and reload this page.</p></body></html>
`;

async function readFileIfExists(file: string): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? new Uint8Array(await readFile(file)) : null;
  } catch {
    return null;
  }
}

function fileResponse(
  body: Uint8Array<ArrayBuffer>,
  file: string,
  cacheControl: string,
  request: Request,
): Response {
  const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    'content-type': contentType,
    'cache-control': cacheControl,
    vary: 'accept-encoding',
  };
  const gzipped = acceptsGzip(request)
    ? gzipBody(body, contentType, cacheControl === IMMUTABLE ? file : null)
    : null;
  if (gzipped) headers['content-encoding'] = 'gzip';
  if (contentType.startsWith('text/html')) Object.assign(headers, HTML_SECURITY_HEADERS);
  return new Response(request.method === 'HEAD' ? null : (gzipped ?? body), { status: 200, headers });
}

/** Resolves a URL path inside `distDir`, or null when it would escape it or cannot be decoded. */
function fileInside(distDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const root = path.resolve(distDir);
  const file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  return file.startsWith(root + path.sep) ? file : null;
}

/** index.html for this URL: with hints that start the page's first API requests in parallel with the bundle. */
function indexWithPreloads(index: Uint8Array<ArrayBuffer>, url: URL): Uint8Array<ArrayBuffer> {
  const urls = membersPagePreloadUrls(url);
  if (urls.length === 0) return index;
  const html = new TextDecoder().decode(index);
  return new TextEncoder().encode(insertIntoHead(html, fetchPreloadLinks(urls)));
}

/**
 * Returns a handler for GET/HEAD requests to non-/api paths. With a renderer, the pages it renders come with
 * their first screen and its data; the rest (and any page it declines) are rendered in the browser.
 */
export function createStaticSpa(
  distDir: string,
  renderFirstScreen?: FirstScreenRenderer,
): (request: Request, identity?: Identity) => Promise<Response> {
  const indexFile = path.join(distDir, 'index.html');
  return async (request, identity) => {
    const url = new URL(request.url);
    const urlPath = url.pathname;
    // Source maps are not served even when a development build left some in dist/.
    const serverOnly = urlPath.startsWith(SERVER_ONLY_PREFIX) || urlPath.toLowerCase().endsWith('.map');
    const file = urlPath === '/' || serverOnly ? null : fileInside(distDir, urlPath);
    if (file !== null) {
      const body = await readFileIfExists(file);
      if (body !== null) {
        const immutable = urlPath.startsWith(HASHED_ASSETS_PREFIX);
        return fileResponse(body, file, immutable ? IMMUTABLE : REVALIDATE, request);
      }
    }
    // A missing hashed asset is a stale page asking for an old build; HTML in its place would not parse.
    if (urlPath.startsWith(HASHED_ASSETS_PREFIX) || serverOnly) {
      return new Response('Not found', { status: 404, headers: { 'cache-control': REVALIDATE } });
    }
    const index = await readFileIfExists(indexFile);
    if (index === null) {
      return new Response(MISSING_BUILD_PAGE, {
        status: 503,
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
          ...HTML_SECURITY_HEADERS,
        },
      });
    }
    const screen = await renderFirstScreen?.(request, identity);
    const page = screen
      ? fileResponse(withFirstScreen(index, screen), indexFile, NO_STORE, request)
      : fileResponse(indexWithPreloads(index, url), indexFile, REVALIDATE, request);
    // Later requests say whether the system is dark, so a first screen without a chosen mode is drawn in it.
    page.headers.set('accept-ch', COLOR_SCHEME_HINT);
    if (screen) {
      // The render's cost, visible in the browser's timing of the page (the bench reads it).
      page.headers.set('server-timing', `render;dur=${screen.renderMs.toFixed(1)}`);
      page.headers.append('vary', `cookie, ${COLOR_SCHEME_HINT}`);
    }
    return page;
  };
}
