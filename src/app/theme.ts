// Light and dark themes. Plain palettes rather than CSS-variable colour schemes: generating and resolving the
// variables cost the members page about 40 ms before its first row (paired cold loads in headless Chromium).
import { createTheme, type Theme } from '@mui/material/styles';
import type { ColorMode } from '../lib/color-mode-cookie.ts';

export type { ColorMode };

const themes: Partial<Record<ColorMode, Theme>> = {};

/** Each theme is built the first time it is shown. */
export function themeFor(mode: ColorMode): Theme {
  return (themes[mode] ??= createTheme({ palette: { mode } }));
}
