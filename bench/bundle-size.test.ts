import { describe, expect, it } from 'vitest';
import { initialScripts } from './bundle-size.ts';
import { median } from './stats.ts';

describe('initial scripts of index.html', () => {
  it('lists the module entry and module preloads, not other links or classic scripts', () => {
    const html = `<head>
      <link rel="icon" href="/favicon.svg">
      <link rel="preload" as="fetch" crossorigin href="/api/chat/thread/1">
      <script type="module" crossorigin src="/assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-b.js">
      <link rel="stylesheet" href="/assets/index-c.css">
      <script src="/legacy.js"></script>
    </head>`;
    expect(initialScripts(html)).toEqual(['/assets/index-a.js', '/assets/vendor-b.js']);
  });
});

describe('median', () => {
  it('takes the middle sample, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
