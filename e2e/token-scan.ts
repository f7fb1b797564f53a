// Every spec's `test`: records each response (headers and body) and the final page of every test, and
// fails the test if any of them holds a Chat app token or the App Certificate.
import { expect, test as base, type Response } from '@playwright/test';
import { DEMO_APP_CERTIFICATE } from '../emulator/emulator.ts';
import { appTokenLeaks } from '../src/lib/app-token-leaks.ts';

export { expect };

async function observed(response: Response): Promise<[string, string]> {
  const label = `${response.request().method()} ${response.url()} (${response.status()})`;
  let body = '';
  try {
    body = await response.text();
  } catch {
    // Redirects and aborted requests have no body to read.
  }
  return [label, `${JSON.stringify(await response.allHeaders())}\n${body}`];
}

export const test = base.extend<{ tokenScan: undefined }>({
  tokenScan: [
    async ({ page }, use) => {
      const texts: Promise<[string, string]>[] = [];
      page.on('response', (response) => texts.push(observed(response)));
      await use(undefined);
      texts.push(
        page.content().then(
          (html) => [`page ${page.url()}`, html],
          () => ['page (closed)', ''],
        ),
      );
      const seen = await Promise.all(texts);
      expect(seen.length, 'the scan saw the test’s responses').toBeGreaterThan(0);
      expect(appTokenLeaks(seen, [DEMO_APP_CERTIFICATE]), 'responses and pages holding an app token').toEqual(
        [],
      );
    },
    { auto: true },
  ],
});
