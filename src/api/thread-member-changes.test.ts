import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_THREADS, DEMO_USERS, demoUsername } from '../../emulator/demo-data.ts';
import { createDashboardHarness, type DashboardHarness } from '../test/dashboard-harness.ts';
import { ApiError } from './api-error.ts';
import { addThreadMembers, removeThreadMembers } from './thread-member-changes.ts';

let harness: DashboardHarness;
afterEach(() => harness.close());

const thread = DEMO_THREADS.small;
const usersPath = `/thread/${thread}/users`;
const upstream = (method: string) =>
  harness.exchanges.filter((exchange) => exchange.method === method && exchange.url.endsWith(usersPath));

describe('addThreadMembers', () => {
  it('adds the users and resolves on status ok', async () => {
    harness = createDashboardHarness();
    const users = [demoUsername(140001), demoUsername(140002)];
    await addThreadMembers(harness.api, thread, users);
    expect(harness.emulator.store.listThreadMembers(thread).slice(-2)).toEqual(users);
    expect(JSON.parse(upstream('POST')[0]?.body ?? '')).toEqual({ usernames: users });
  });

  it('rejects a batch with a stranger as a whole, with the API code and reason', async () => {
    harness = createDashboardHarness();
    const error = await addThreadMembers(harness.api, thread, [
      demoUsername(140001),
      DEMO_USERS.outsider,
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 403,
      code: 'forbidden_op',
      description: 'users [outsider] are not members of this group!',
    });
    expect(harness.emulator.store.listThreadMembers(thread)).toHaveLength(40);
  });

  it('is not retried by the fetch layer: a 503 reaches the caller after one call', async () => {
    harness = createDashboardHarness();
    harness.emulator.setFaults({ script: ['before-503'] });
    await expect(addThreadMembers(harness.api, thread, [demoUsername(140001)])).rejects.toMatchObject({
      status: 503,
    });
    expect(upstream('POST')).toHaveLength(1);
  });
});

describe('removeThreadMembers', () => {
  it('answers per user whether they were removed', async () => {
    harness = createDashboardHarness();
    const [member = ''] = harness.emulator.store.listThreadMembers(thread).slice(-1);
    expect(await removeThreadMembers(harness.api, thread, [member, DEMO_USERS.lurker])).toEqual([
      { user: member, removed: true },
      { user: DEMO_USERS.lurker, removed: false },
    ]);
  });

  it('reports a lost answer once, as a 502, without sending the call again', async () => {
    harness = createDashboardHarness();
    const [member = ''] = harness.emulator.store.listThreadMembers(thread).slice(-1);
    harness.emulator.setFaults({ script: ['after-drop'] });
    await expect(removeThreadMembers(harness.api, thread, [member])).rejects.toMatchObject({ status: 502 });
    expect(upstream('DELETE')).toHaveLength(1);
    // It was applied all the same: this is the case the bulk engine has to reason about.
    expect(harness.emulator.store.listThreadMembers(thread)).not.toContain(member);
  });
});

describe('operation id', () => {
  it('goes with each call, so the audit log groups the calls of one bulk operation', async () => {
    harness = createDashboardHarness();
    await addThreadMembers(harness.api, thread, [demoUsername(140001)], { operationId: 'op-1' });
    await removeThreadMembers(harness.api, thread, [demoUsername(140001)], { operationId: 'op-2' });
    const { entries } = harness.audit.list({}, 10);
    expect(entries.map((entry) => [entry.action, entry.operationId])).toEqual([
      ['remove', 'op-2'],
      ['add', 'op-1'],
    ]);
  });
});
