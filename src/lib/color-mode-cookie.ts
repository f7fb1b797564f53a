// The colour mode the moderator chose, kept in a cookie as well as in the browser, so that the server can render
// the first screen in it and a dark page never starts light.

export type ColorMode = 'light' | 'dark';

export const COLOR_MODE_COOKIE = 'tma_color_mode';

/** A year: the choice is a preference, not a session. */
const COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

export function asColorMode(value: string | null | undefined): ColorMode | null {
  return value === 'light' || value === 'dark' ? value : null;
}

/** The value of `Set-Cookie` / `document.cookie` that keeps `mode`. */
export function colorModeCookie(mode: ColorMode): string {
  return `${COLOR_MODE_COOKIE}=${mode}; Path=/; Max-Age=${COOKIE_MAX_AGE_S}; SameSite=Lax`;
}

/** The mode in a Cookie header (or `document.cookie`), or null when it holds none. */
export function colorModeFromCookies(cookies: string | null | undefined): ColorMode | null {
  for (const part of (cookies ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === COLOR_MODE_COOKIE) return asColorMode(value);
  }
  return null;
}
