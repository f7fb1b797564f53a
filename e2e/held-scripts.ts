// Scripts held back until the test lets them go, to look at a page as the server drew it, before its script
// takes over (or before a chunk loaded later arrives).
import type { Page } from '@playwright/test';

export interface HeldScripts {
  /** Lets every held request, and those to come, go on. */
  release: () => void;
  /** How many requests were held so far. */
  held: () => number;
}

export async function holdScripts(page: Page, glob: string): Promise<HeldScripts> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = 0;
  await page.route(glob, async (route) => {
    held += 1;
    await released;
    await route.continue();
  });
  return { release, held: () => held };
}
