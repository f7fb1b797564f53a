// What the server and the dashboard's server entry (src/entry-server.tsx, built to dist/server/) agree on: the
// one narrow function through which the server renders a page's first screen, and where the page keeps its data.
import type { ColorMode } from './color-mode-cookie.ts';

export interface FirstScreenRequest {
  /** Path and query of the page, e.g. `/threads/123?limit=20`. */
  url: string;
  colorMode: ColorMode;
  /**
   * Answers the dashboard's own `/api/…` GET requests in the server's process (the session, and the Chat API
   * through the proxy's upstream path), with the identity the server has already checked.
   */
  fetchApi: (request: Request) => Promise<Response>;
}

export interface FirstScreen {
  /** Style elements for the head: the critical CSS of exactly what `root` shows. */
  head: string;
  /** The HTML inside `#root`. */
  root: string;
  /** The page's data as JSON text, safe inside a script element of type application/json. */
  data: string;
}

/** Null when the page is better left to the browser (a route without a first screen, a failed session). */
export type RenderFirstScreen = (request: FirstScreenRequest) => Promise<FirstScreen | null>;

/** The id of the non-executing script element that holds the first screen's data. */
export const FIRST_SCREEN_DATA_ID = 'first-screen-data';

/** Pages the server renders: the thread list and a thread's members. */
export const FIRST_SCREEN_PATH = /^\/threads(?:\/[0-9A-Za-z_-]{1,64})?\/?$/;
