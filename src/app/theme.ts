// Light and dark themes. Plain palettes rather than CSS-variable colour schemes: generating and resolving the
// variables cost the members page about 40 ms before its first row (paired cold loads in headless Chromium).
import { createTheme, type PaletteOptions, type Theme } from '@mui/material/styles';
import type { ColorMode } from '../lib/color-mode-cookie.ts';

export type { ColorMode };

// Colours for text and buttons that keep 4.5:1 on every surface they sit on, hovered too: the library's own
// light blue fell to 4.4:1 under a text button's hover tint, and its dark red held 3.7:1 under white text and
// 3.1:1 on a dialog. theme.test.ts checks each pair.
const palettes: Record<ColorMode, PaletteOptions> = {
  light: { mode: 'light', primary: { main: '#1565c0' } },
  // A contained button's hover takes `dark`: here a lighter red, which keeps the black text readable.
  dark: { mode: 'dark', error: { main: '#ef9a9a', dark: '#e57373' } },
};

const themes: Partial<Record<ColorMode, Theme>> = {};

/** Each theme is built the first time it is shown. */
export function themeFor(mode: ColorMode): Theme {
  return (themes[mode] ??= createTheme({ palette: palettes[mode] }));
}
