import { describe, expect, it } from 'vitest';
import { escapeHtmlAttribute, fetchPreloadLinks, insertIntoHead } from './preload-links.ts';

const VITE_INDEX =
  '<!doctype html><html><head><meta charset="UTF-8" /><title>T</title>' +
  '<script type="module" crossorigin src="/assets/index-1.js"></script>' +
  '<link rel="modulepreload" crossorigin href="/assets/vendor-2.js"></head><body></body></html>';

describe('preload links', () => {
  it('escapes every character that could end an attribute or start markup', () => {
    expect(escapeHtmlAttribute(`a"b'c<d>e&f`)).toBe('a&quot;b&#39;c&lt;d&gt;e&amp;f');
  });

  it('writes one fetch preload with crossorigin per URL', () => {
    expect(fetchPreloadLinks(['/a?x=1&y=2', '/b'])).toBe(
      '<link rel="preload" as="fetch" crossorigin href="/a?x=1&amp;y=2">' +
        '<link rel="preload" as="fetch" crossorigin href="/b">',
    );
  });

  it('inserts before the first script so the fetch does not queue behind the bundle', () => {
    const html = insertIntoHead(VITE_INDEX, '<HINT>');
    expect(html.indexOf('<HINT>')).toBeLessThan(html.indexOf('<script'));
    expect(html.indexOf('<HINT>')).toBeGreaterThan(html.indexOf('<title>'));
    expect(html.replace('<HINT>', '')).toBe(VITE_INDEX);
  });

  it('inserts before a module preload that comes first', () => {
    const html = insertIntoHead(
      '<head><LINK Rel="modulepreload" href="/a.js"><script src="/b.js"></script></head>',
      '<HINT>',
    );
    expect(html).toBe(
      '<head><HINT><LINK Rel="modulepreload" href="/a.js"><script src="/b.js"></script></head>',
    );
  });

  it('ends the head with the hints when the scripts are in the body', () => {
    expect(insertIntoHead('<head><title>T</title></head><body><script></script></body>', '<HINT>')).toBe(
      '<head><title>T</title><HINT></head><body><script></script></body>',
    );
  });

  it('leaves a document without a head or script alone', () => {
    expect(insertIntoHead('<!doctype html><title>SPA</title>', '<HINT>')).toBe(
      '<!doctype html><title>SPA</title>',
    );
  });
});
