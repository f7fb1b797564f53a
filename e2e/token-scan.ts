// Every spec's `test`: records each response (headers and body) and the final page of every test, and
// fails the test if any of them holds a Chat app token or the App Certificate.
import { expect, test as base, type Request } from '@playwright/test';
import { DEMO_APP_CERTIFICATE } from '../emulator/emulator.ts';
import { appTokenLeaks } from '../src/lib/app-token-leaks.ts';

export { expect };

/** A finished request's response headers and body; read only once the body has fully arrived. */
async function observed(request: Request): Promise<[string, string]> {
  const label = `${request.method()} ${request.url()}`;
  try {
    const response = await request.response();
    if (response === null) return [label, ''];
    const body = await response.text().catch(() => '');
    return [`${label} (${response.status()})`, `${JSON.stringify(await response.allHeaders())}\n${body}`];
  } catch {
    // The page closed before the response could be read: it reached no one after that.
    return [label, ''];
  }
}

export const test = base.extend<{ tokenScan: undefined }>({
  tokenScan: [
    async ({ page }, use) => {
      const texts: Promise<[string, string]>[] = [];
      // Requests whose connection dropped (fault injection) never finish and carry no body to scan.
      page.on('requestfinished', (request) => texts.push(observed(request)));
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
