// The data a server-rendered page carries for its hydration: the colour mode it was drawn in and the React
// Query cache it was drawn from. Written by the server entry, read once by the browser before it hydrates.
import type { DehydratedState } from '@tanstack/react-query';
import { asColorMode, type ColorMode } from '../lib/color-mode-cookie.ts';

export interface FirstScreenData {
  colorMode: ColorMode;
  queries: DehydratedState;
}

/** JSON that can sit inside a `<script type="application/json">` element: no `<` can close it early. */
export function serializeFirstScreenData(data: FirstScreenData): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The page's embedded data, or null on a page the server did not render (or whose data is unreadable). */
export function readFirstScreenData(element: Element | null): FirstScreenData | null {
  if (element?.textContent == null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(element.textContent);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { colorMode, queries } = parsed as Record<string, unknown>;
  const mode = asColorMode(typeof colorMode === 'string' ? colorMode : null);
  if (mode === null || typeof queries !== 'object' || queries === null) return null;
  const { queries: list, mutations } = queries as Record<string, unknown>;
  if (!Array.isArray(list) || !Array.isArray(mutations)) return null;
  // Written by this dashboard's own server entry from the same query factories: its shape is React Query's.
  return { colorMode: mode, queries: queries as DehydratedState };
}
