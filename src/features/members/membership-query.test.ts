import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_GROUP_ID, DEMO_THREADS, DEMO_USERS } from '../../../emulator/demo-data.ts';
import { createQueryClient } from '../../app/query-client.ts';
import { createDashboardHarness, type DashboardHarness } from '../../test/dashboard-harness.ts';
import { membershipQuery } from './membership-query.ts';

let harness: DashboardHarness;
afterEach(() => harness.close());

const isMember = (username: string, threadId: string, groupId: string | null = DEMO_GROUP_ID) =>
  createQueryClient().query(membershipQuery(harness.api, { username, threadId, groupId }));
const inGroupCalls = (username: string) =>
  harness.calls(`/threads/chatgroups/${DEMO_GROUP_ID}/user/${username}`);

describe('is a user a member of a thread', () => {
  it('answers yes from the first page of the user’s threads in the thread’s group', async () => {
    harness = createDashboardHarness();
    expect(await isMember(DEMO_USERS.alice, DEMO_THREADS.small)).toBe(true);
    expect(inGroupCalls('alice')).toBe(1);
  });

  it('walks further pages until it finds the thread', async () => {
    harness = createDashboardHarness();
    // spammer's oldest thread in the group is the large one: the second page, newest first.
    expect(await isMember(DEMO_USERS.spammer, DEMO_THREADS.large)).toBe(true);
    expect(inGroupCalls('spammer')).toBe(2);
  });

  it('answers no at the end of the list, and uses the whole app when the group is not known', async () => {
    harness = createDashboardHarness();
    expect(await isMember(DEMO_USERS.spammer, DEMO_THREADS.small)).toBe(false);
    expect(inGroupCalls('spammer')).toBe(2);
    expect(await isMember(DEMO_USERS.lurker, DEMO_THREADS.small, null)).toBe(false);
    expect(harness.calls('/threads/user/lurker')).toBe(1);
  });

  it('says when a user who is no member is not in the thread’s group either, so cannot be added', async () => {
    harness = createDashboardHarness();
    expect(await isMember(DEMO_USERS.outsider, DEMO_THREADS.small)).toBe('outside-group');
    expect(harness.calls(`/chatgroups/${DEMO_GROUP_ID}/user/outsider/is_joined`)).toBe(1);
    expect(await isMember(DEMO_USERS.lurker, DEMO_THREADS.small)).toBe(false);
  });

  it('stops after the most pages it may read, undecided, rather than walk thousands of threads', async () => {
    harness = createDashboardHarness();
    const query = membershipQuery(harness.api, {
      username: DEMO_USERS.spammer,
      threadId: DEMO_THREADS.large,
      groupId: DEMO_GROUP_ID,
      mostPages: 1,
    });
    expect(await createQueryClient().query(query)).toBe('undecided');
    expect(inGroupCalls('spammer')).toBe(1);
  });

  it('fails with the API’s 404 for an unknown user', async () => {
    harness = createDashboardHarness();
    await expect(isMember(DEMO_USERS.unknown, DEMO_THREADS.small)).rejects.toMatchObject({
      status: 404,
      code: 'service_resource_not_found',
    });
  });
});
