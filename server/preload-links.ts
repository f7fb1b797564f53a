// Writes `<link rel="preload" as="fetch">` hints into an HTML document's head.

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtmlAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ATTRIBUTE_ESCAPES[char] ?? char);
}

/**
 * `crossorigin` (anonymous) gives the preload the mode and credentials of the page's own
 * `fetch(url, { credentials: 'same-origin' })`; with any other pair Chromium would not reuse it and would fetch twice.
 */
export function fetchPreloadLinks(urls: readonly string[]): string {
  return urls
    .map((url) => `<link rel="preload" as="fetch" crossorigin href="${escapeHtmlAttribute(url)}">`)
    .join('');
}

/** The first script or module preload, whose download the hints should not queue behind. */
const FIRST_SCRIPT = /<script\b|<link\b[^>]*\brel\s*=\s*["']?modulepreload\b/i;
const HEAD_END = /<\/head\s*>/i;

/**
 * Inserts `markup` in the head before the first script or module preload (or at the end of the head when the
 * scripts are in the body). A document without a recognisable head is returned unchanged.
 */
export function insertIntoHead(html: string, markup: string): string {
  const headEnd = HEAD_END.exec(html)?.index;
  const script = FIRST_SCRIPT.exec(html)?.index;
  const at = script !== undefined && (headEnd === undefined || script < headEnd) ? script : headEnd;
  return at === undefined ? html : `${html.slice(0, at)}${markup}${html.slice(at)}`;
}
