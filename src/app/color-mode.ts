// Which theme to show: the moderator's choice, kept in this browser, or else the system's.
import { useSyncExternalStore } from 'react';
import type { ColorMode } from './theme.ts';

const STORAGE_KEY = 'thread-members-admin.color-mode';
const SYSTEM_DARK = '(prefers-color-scheme: dark)';
const listeners = new Set<() => void>();

function storedChoice(): ColorMode | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
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

function currentMode(): ColorMode {
  // A choice storage refused is newer than any stored one.
  return unsavedChoice ?? storedChoice() ?? systemMode();
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

export function chooseColorMode(mode: ColorMode): void {
  try {
    localStorage.setItem(STORAGE_KEY, mode);
    unsavedChoice = null;
  } catch {
    unsavedChoice = mode;
  }
  for (const listener of listeners) listener();
}

export function useColorMode(): ColorMode {
  return useSyncExternalStore(subscribe, currentMode);
}
