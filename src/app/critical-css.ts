// The styles of a page rendered on the server, as the style elements emotion's browser cache adopts on start:
// an emotion cache per request collects them (compat mode keeps them out of the HTML), and this writes them out.
// It does what @emotion/server's extractCriticalToChunks does, without that package's stream dependencies.
import createCache, { type EmotionCache } from '@emotion/cache';

/** MUI's styles go to emotion's default cache in the browser, whose key is `css`. */
const CACHE_KEY = 'css';

export function createRequestStyleCache(): EmotionCache {
  const cache = createCache({ key: CACHE_KEY });
  // Styles are recorded in `cache.inserted` instead of being written beside each element.
  cache.compat = true;
  return cache;
}

function escapeStyleText(css: string): string {
  // A username in a style cannot occur, but `</style` must never end the element early.
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

/**
 * Style elements for the page's head: global rules one by one, then the rules of the class names the HTML uses.
 * Rules of classes it does not use (styles of a fallback that was replaced before the HTML was written) are left out.
 */
export function criticalStyleElements(cache: EmotionCache, html: string): string {
  const classNames: string[] = [];
  let classRules = '';
  let globals = '';
  for (const [name, rules] of Object.entries(cache.inserted)) {
    if (typeof rules !== 'string') continue;
    const className = `${cache.key}-${name}`;
    if (html.includes(className)) {
      classNames.push(name);
      classRules += rules;
    } else if (!rules.startsWith(`.${className}`)) {
      // Global styles (CssBaseline): the browser's <Global> takes over the element with its own name.
      globals += `<style data-emotion="${cache.key}-global ${name}">${escapeStyleText(rules)}</style>`;
    }
  }
  const classes = `<style data-emotion="${cache.key} ${classNames.join(' ')}">${escapeStyleText(classRules)}</style>`;
  return globals + classes;
}
