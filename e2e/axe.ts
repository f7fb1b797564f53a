// What axe finds against WCAG 2.1 A and AA on the page as it is now, one readable line per element.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export async function accessibilityViolations(page: Page): Promise<string[]> {
  // A dialog fading in has text at part opacity, which fails the contrast rule: let transitions finish first
  // (endless ones, like a spinner's, never do).
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity,
      ),
  );
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id}: ${violation.help} — ${node.target.join(' ')} — ${node.failureSummary ?? ''}`,
    ),
  );
}
