// Benchmarks of the members page on the real server: first member row, scrolling 20,000 members, initial JS.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium.ts';
import { DEMO_THREADS } from '../emulator/demo-data.ts';
import { benchBundleSize } from './bundle-size.ts';
import { benchFirstRow } from './first-row.ts';
import { writeStackReference } from './floor/stack-reference-files.ts';
import { benchScrollMemory } from './scroll-memory.ts';
import { startServerUnderTest } from './server-under-test.ts';

export async function benchMembersPage(): Promise<void> {
  const server = await startServerUnderTest();
  try {
    let fetchedBeforeFirstRow: string[] | null = null;
    const executablePath = findChromium();
    if (executablePath === undefined) {
      console.log(
        '\nNo Chromium found (set CHROMIUM_PATH, or run `npx playwright install chromium`): browser benchmarks skipped.',
      );
    } else {
      const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      try {
        const threadId = DEMO_THREADS.huge;
        await writeStackReference(server.distDir, threadId);
        fetchedBeforeFirstRow = await benchFirstRow(browser, server.url, threadId);
        await benchScrollMemory(
          browser,
          'the members page',
          `${server.url}/threads/${threadId}`,
          'Is this user a member?',
        );
        if (process.env.BENCH_FLOOR_SCROLL === '1') {
          // The floor keeps every row and is no target to meet; this only shows the measurement works.
          await benchScrollMemory(
            browser,
            'the floor page (harness check)',
            `${server.url}/floor.html?thread=${threadId}`,
          );
        }
      } finally {
        await browser.close();
      }
    }
    await benchBundleSize(server.distDir, fetchedBeforeFirstRow);
  } finally {
    await server.close();
  }
}
