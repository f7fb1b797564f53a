// Which theme to show: the moderator's choice, kept in this browser, or else the system's. The choice is also
// kept in a cookie, so the server renders the first screen in it; while the page hydrates, the mode the server
// rendered applies (a mismatch otherwise), and the current one right after.
import { createContext, useContext, useSyncExternalStore } from 'react';
import { asColorMode, colorModeCookie, colorModeFromCookies } from '../lib/color-mode-cookie.ts';
import type { ColorMode } from './theme.ts';

const STORAGE_KEY = 'thread-members-admin.color-mode';
const SYSTEM_DARK = '(prefers-color-scheme: dark)';
const listeners = new Set<() => void>();

/** The mode the page's HTML was rendered in (the server's, or light for a page rendered in the browser). */
export const RenderedColorMode = createContext<ColorMode>('light');

function storedChoice(): ColorMode | null {
  try {
    return asColorMode(localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage can be refused (privacy settings): the system's mode still applies.
    return null;
  }
}

function systemMode(): ColorMode {
  return typeof matchMedia === 'function' && matchMedia(SYSTEM_DARK).matches ? 'dark' : 'light';
}

/** A choice that storage refused: it still applies for this visit. */
let unsavedChoice: ColorMode | null = null;

/** The choice as the server knows it; it may be the only record when storage is refused. */
function cookieChoice(): ColorMode | null {
  return typeof document === 'undefined' ? null : colorModeFromCookies(document.cookie);
}

/** The mode the page shows now: the choice, else the system's. */
export function currentColorMode(): ColorMode {
  // A choice storage refused is newer than any stored one.
  return unsavedChoice ?? storedChoice() ?? cookieChoice() ?? systemMode();
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  const system = typeof matchMedia === 'function' ? matchMedia(SYSTEM_DARK) : null;
  system?.addEventListener('change', onChange);
  // A choice made in another tab applies here too.
  window.addEventListener('storage', onChange);
  return () => {
    listeners.delete(onChange);
    system?.removeEventListener('change', onChange);
    window.removeEventListener('storage', onChange);
  };
}

function writeCookie(mode: ColorMode): void {
  try {
    document.cookie = colorModeCookie(mode);
  } catch {
    // Cookies refused: the server renders light, and the page turns dark once its script runs.
  }
}

export function chooseColorMode(mode: ColorMode): void {
  try {
    localStorage.setItem(STORAGE_KEY, mode);
    unsavedChoice = null;
  } catch {
    unsavedChoice = mode;
  }
  writeCookie(mode);
  for (const listener of listeners) listener();
}

/** Copies a choice stored before the cookie existed into it, so the server renders the next visit in it. */
export function rememberColorModeForServer(): void {
  const stored = storedChoice();
  if (stored !== null && cookieChoice() !== stored) writeCookie(stored);
}

export function useColorMode(): ColorMode {
  const rendered = useContext(RenderedColorMode);
  return useSyncExternalStore(subscribe, currentColorMode, () => rendered);
}
