// Endpoint 11 over HTTP: whether a user has joined a group.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_GROUP_ID, DEMO_OTHER_GROUP_ID, DEMO_USERS } from './demo-data.ts';
import { createTestApi, expectChatError, type TestApi } from './test-support.ts';

let api: TestApi;
beforeAll(() => {
  api = createTestApi({ rateLimit: null });
});
afterAll(() => api.emulator.close());

const isJoined = (groupId: string, username: string) =>
  api.call('GET', `/chatgroups/${groupId}/user/${username}/is_joined`);

it('answers true for a member of the group and false for anyone else, whatever the case', async () => {
  expect((await isJoined(DEMO_GROUP_ID, 'Lurker')).json?.data).toBe(true);
  expect((await isJoined(DEMO_GROUP_ID, DEMO_USERS.outsider)).json?.data).toBe(false);
  expect((await isJoined(DEMO_OTHER_GROUP_ID, DEMO_USERS.outsider)).json?.data).toBe(true);
});

it('answers 404 for an unknown group or user, as the user-thread endpoints do', async () => {
  expectChatError(
    await isJoined('404404404', DEMO_USERS.alice),
    404,
    'service_resource_not_found',
    'Service resource not found',
  );
  expectChatError(
    await isJoined(DEMO_GROUP_ID, 'nobody-here'),
    404,
    'service_resource_not_found',
    'Service resource not found',
  );
});
