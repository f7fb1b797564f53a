import { InfiniteQueryObserver, QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_THREADS } from '../../../emulator/demo-data.ts';
import { ApiError } from '../../api/api-error.ts';
import { createQueryClient } from '../../app/query-client.ts';
import { createDashboardHarness, type DashboardHarness } from '../../test/dashboard-harness.ts';
import { threadMembersQuery } from './member-queries.ts';

let harness: DashboardHarness;
afterEach(() => harness.close());

/** Pages through the whole list as the member grid does, returning every member in order. */
async function walk(queryClient: QueryClient, threadId: string, pageSize: number): Promise<string[]> {
  const observer = new InfiniteQueryObserver(
    queryClient,
    threadMembersQuery(harness.api, queryClient, threadId, pageSize),
  );
  await observer.refetch();
  let result = observer.getCurrentResult();
  while (result.hasNextPage) result = await observer.fetchNextPage();
  if (result.error) throw result.error;
  return result.data?.pages.flatMap((page) => page.members) ?? [];
}

const membersPath = (threadId: string) => `/thread/${threadId}/users`;

describe('paging through a thread to the end', () => {
  it('stops on a short last page', async () => {
    harness = createDashboardHarness();
    const members = await walk(createQueryClient(), DEMO_THREADS.large, 7);
    expect(members).toEqual(harness.emulator.store.listThreadMembers(DEMO_THREADS.large));
    // 1,200 = 171 full pages of 7 and a short one of 3: no call after it.
    expect(harness.calls(membersPath(DEMO_THREADS.large))).toBe(172);
  });

  it('stops on an empty page when the last full page still carried a cursor', async () => {
    harness = createDashboardHarness();
    const members = await walk(createQueryClient(), DEMO_THREADS.large, 50);
    expect(members).toEqual(harness.emulator.store.listThreadMembers(DEMO_THREADS.large));
    expect(new Set(members).size).toBe(1_200);
    expect(harness.calls(membersPath(DEMO_THREADS.large))).toBe(25);
  });

  it('stops when a page carries no cursor', async () => {
    harness = createDashboardHarness({ cursorOnLastPage: false });
    const members = await walk(createQueryClient(), DEMO_THREADS.large, 50);
    expect(members).toHaveLength(1_200);
    expect(harness.calls(membersPath(DEMO_THREADS.large))).toBe(24);
  });

  it('ends at once on an empty thread', async () => {
    harness = createDashboardHarness();
    expect(await walk(createQueryClient(), DEMO_THREADS.empty, 50)).toEqual([]);
    expect(harness.calls(membersPath(DEMO_THREADS.empty))).toBe(1);
  });
});

describe('failures', () => {
  it('maps an unknown thread to a 404 ApiError with the API code and description', async () => {
    harness = createDashboardHarness();
    const error = await walk(createQueryClient(), '999999999999999', 50).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'group_error', description: 'thread not found.' });
  });

  it('maps rejected server credentials to a 502 ApiError naming them', async () => {
    harness = createDashboardHarness({ appCertificate: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' });
    const error = await walk(createQueryClient(), DEMO_THREADS.small, 50).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'bad_gateway' });
    expect(error).toHaveProperty('description', expect.stringContaining('credentials'));
  });

  it('retries 5xx answers and timeouts of the Chat API, and does not retry a second time in React Query', async () => {
    harness = createDashboardHarness();
    harness.emulator.setFaults({ script: ['before-503', 'before-500', 'before-504'] });
    const members = await walk(createQueryClient(), DEMO_THREADS.small, 50);
    expect(members).toHaveLength(40);
    expect(harness.calls(membersPath(DEMO_THREADS.small))).toBe(4);
  });

  it('gives up after three retries with the last failure', async () => {
    harness = createDashboardHarness();
    harness.emulator.setFaults({ script: ['before-500', 'before-500', 'before-500', 'before-503'] });
    const error = await walk(createQueryClient(), DEMO_THREADS.small, 50).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503 });
    expect(harness.calls(membersPath(DEMO_THREADS.small))).toBe(4);
  });

  it("shows the server's own timeout at once: the Chat API already had the server's whole timeout", async () => {
    harness = createDashboardHarness({ latency: { minMs: 200, maxMs: 200 } }, { proxy: { timeoutMs: 20 } });
    const error = await walk(createQueryClient(), DEMO_THREADS.small, 50).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 504, code: 'gateway_timeout' });
    expect(harness.calls(membersPath(DEMO_THREADS.small))).toBe(1);
    // Let the emulator finish its delayed handling before its database closes.
    await new Promise((resolve) => setTimeout(resolve, 250));
  });

  it('retries a lost response of a GET (dropped connection) as a 502 from the server', async () => {
    harness = createDashboardHarness();
    harness.emulator.setFaults({ script: ['after-drop'] });
    expect(await walk(createQueryClient(), DEMO_THREADS.small, 50)).toHaveLength(40);
  });

  it('waits out the rate limit: a 429 is retried after a pause', async () => {
    let now = Date.now();
    harness = createDashboardHarness({ rateLimit: 1, now: () => now });
    const queryClient = createQueryClient();
    // The first page spends the budget of this second; the time passes while the client backs off.
    const observer = new InfiniteQueryObserver(
      queryClient,
      threadMembersQuery(harness.api, queryClient, DEMO_THREADS.small, 20),
    );
    await observer.refetch();
    const next = observer.fetchNextPage();
    setTimeout(() => (now += 1_000), 3);
    const result = await next;
    expect(result.error).toBeNull();
    expect(result.data?.pages.flatMap((page) => page.members)).toHaveLength(40);
    expect(harness.exchanges.some((exchange) => exchange.status === 429)).toBe(true);
  });
});
