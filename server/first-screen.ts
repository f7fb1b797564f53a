// Renders a page's first screen on the server through the dashboard's built server entry (dist/server/), with
// the data a signed-in user may see, fetched in this process through the proxy's own upstream path.
import { access } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHAT_PROXY_PREFIX } from './chat-proxy.ts';
import { chatErrorResponse } from './chat-error.ts';
import type { Identity } from './identity.ts';
import type { Logger } from './logger.ts';
import type { PersonForward } from './person-share.ts';
import { asColorMode, colorModeFromCookies, type ColorMode } from '../src/lib/color-mode-cookie.ts';
import { FIRST_SCREEN_PATH, type FirstScreen, type RenderFirstScreen } from '../src/lib/first-screen.ts';

/** Where `vite build --ssr src/entry-server.tsx` writes the server entry, under dist/. */
export const SERVER_ENTRY = path.join('server', 'entry-server.js');

const SESSION_PATH = '/api/session';

/** A first screen and how long the server took to render it, for the Server-Timing header. */
export interface RenderedFirstScreen extends FirstScreen {
  renderMs: number;
}

export type FirstScreenRenderer = (
  request: Request,
  identity: Identity | undefined,
) => Promise<RenderedFirstScreen | null>;

export interface FirstScreenOptions {
  distDir: string;
  /**
   * The Chat proxy: the first screen's Chat API calls take its path, token and allow-list, and the turns of the
   * person it is rendered for.
   */
  forward: PersonForward;
  /** What GET /api/session answers for this identity. */
  session: (identity: Identity) => unknown;
  logger: Logger;
}

/** The entry's `render`, or null when dist/ holds no server entry (a build from before, or a test's dist). */
async function loadRender(entryFile: string, logger: Logger): Promise<RenderFirstScreen | null> {
  try {
    await access(entryFile);
  } catch {
    return null;
  }
  const entry: unknown = await import(pathToFileURL(entryFile).href);
  if (
    typeof entry === 'object' &&
    entry !== null &&
    'render' in entry &&
    typeof entry.render === 'function'
  ) {
    // The entry is built from src/entry-server.tsx, whose `render` is typed as RenderFirstScreen.
    return entry.render as RenderFirstScreen;
  }
  logger.log('warn', 'the server entry has no render function; pages are rendered in the browser', {});
  return null;
}

/** The moderator's choice from the cookie, else the browser's own mode when it says (a client hint), else light. */
export function colorModeOf(request: Request): ColorMode {
  return (
    colorModeFromCookies(request.headers.get('cookie')) ??
    asColorMode(request.headers.get('sec-ch-prefers-color-scheme')?.replaceAll('"', '')) ??
    'light'
  );
}

export function createFirstScreenRenderer({
  distDir,
  forward,
  session,
  logger,
}: FirstScreenOptions): FirstScreenRenderer {
  let render: Promise<RenderFirstScreen | null> | null = null;

  return async (request, identity) => {
    const url = new URL(request.url);
    // Signed out (or no identity from the sign-in proxy): the page holds no data; the browser shows sign-in.
    if (request.method !== 'GET' || identity === undefined || !FIRST_SCREEN_PATH.test(url.pathname)) {
      return null;
    }
    render ??= loadRender(path.join(distDir, SERVER_ENTRY), logger);
    const renderFirstScreen = await render;
    if (renderFirstScreen === null) return null;

    const fetchApi = async (apiRequest: Request): Promise<Response> => {
      const target = new URL(apiRequest.url);
      if (apiRequest.method !== 'GET') {
        return chatErrorResponse(
          405,
          'method_not_allowed',
          'MethodNotAllowed',
          'The first screen only reads.',
        );
      }
      if (target.pathname === SESSION_PATH) return Response.json(session(identity));
      if (target.pathname.startsWith(CHAT_PROXY_PREFIX)) {
        // Leaving the page abandons its first screen's calls too.
        const call = new Request(apiRequest, { signal: request.signal });
        return forward(call, `${target.pathname}${target.search}`, identity.name);
      }
      return chatErrorResponse(
        404,
        'not_found',
        'ApiRouteNotFound',
        'The first screen asks only for its data.',
      );
    };

    const started = performance.now();
    try {
      const screen = await renderFirstScreen({
        url: `${url.pathname}${url.search}`,
        colorMode: colorModeOf(request),
        fetchApi,
      });
      return screen === null ? null : { ...screen, renderMs: performance.now() - started };
    } catch (error) {
      // The browser renders the page itself: a failed first screen costs speed, not the page.
      logger.log('error', 'rendering the first screen failed', {
        errorName: error instanceof Error ? error.name : 'unknown',
      });
      return null;
    }
  };
}
