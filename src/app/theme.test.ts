import {
  alpha,
  decomposeColor,
  getContrastRatio,
  getOverlayAlpha,
  recomposeColor,
} from '@mui/material/styles';
import { describe, expect, it } from 'vitest';
import { themeFor } from './theme.ts';

/** `color` (which may be translucent) laid over an opaque `base`, as the browser paints it. */
function over(color: string, base: string): string {
  const [red = 0, green = 0, blue = 0, opacity = 1] = decomposeColor(color).values;
  const [baseRed = 0, baseGreen = 0, baseBlue = 0] = decomposeColor(base).values;
  const mix = (top: number, bottom: number) => top * opacity + bottom * (1 - opacity);
  return recomposeColor({
    type: 'rgb',
    values: [mix(red, baseRed), mix(green, baseGreen), mix(blue, baseBlue)],
  });
}

const AA = 4.5;

describe.each(['light', 'dark'] as const)('the %s theme', (mode) => {
  const { palette } = themeFor(mode);
  // A dialog's paper is lightened in the dark theme by the overlay of its elevation (24).
  const dialog =
    mode === 'dark' ? over(alpha('#fff', getOverlayAlpha(24)), palette.background.paper) : '#fff';
  const surfaces = { page: palette.background.default, paper: palette.background.paper, dialog };

  describe.each(['primary', 'error'] as const)('%s', (color) => {
    const { main, dark, contrastText } = palette[color];

    it.each(Object.entries(surfaces))(
      'text and outlined buttons on the %s, at rest and hovered',
      (_, surface) => {
        const hovered = over(alpha(main, palette.action.hoverOpacity), surface);
        expect(getContrastRatio(main, surface)).toBeGreaterThanOrEqual(AA);
        expect(getContrastRatio(main, hovered)).toBeGreaterThanOrEqual(AA);
      },
    );

    it('contained buttons, at rest and hovered', () => {
      expect(getContrastRatio(over(contrastText, main), main)).toBeGreaterThanOrEqual(AA);
      expect(getContrastRatio(over(contrastText, dark), dark)).toBeGreaterThanOrEqual(AA);
    });
  });
});
