// Puts a server-rendered first screen into the built index.html: its critical styles in the head, its HTML in
// #root, and its data in a script element the browser never runs (the page's CSP allows no inline script).
import { FIRST_SCREEN_DATA_ID, type FirstScreen } from '../src/lib/first-screen.ts';
import { insertIntoHead } from './preload-links.ts';

const EMPTY_ROOT = /<div id="root"><\/div>/;

export function withFirstScreen(index: Uint8Array, screen: FirstScreen): Uint8Array<ArrayBuffer> {
  const html = new TextDecoder().decode(index);
  if (!EMPTY_ROOT.test(html)) throw new Error('index.html has no empty <div id="root"></div>.');
  const data = `<script type="application/json" id="${FIRST_SCREEN_DATA_ID}">${screen.data}</script>`;
  // A function replacement: `$` in the rendered HTML (a username) must not be read as a pattern.
  const body = html.replace(EMPTY_ROOT, () => `<div id="root">${screen.root}</div>${data}`);
  return new TextEncoder().encode(insertIntoHead(body, screen.head));
}
