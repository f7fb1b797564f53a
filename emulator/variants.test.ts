// The switches for the points where public sources leave the API open: each variant over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_THREADS, DEMO_USERS, demoUsername } from './demo-data.ts';
import type { EmulatorOptions } from './emulator.ts';
import {
  createTestApi,
  cursorOf,
  everyApiVariantCombination,
  expectChatError,
  membersOf,
} from './test-support.ts';
import type { TestApi } from './test-support.ts';

const apis: TestApi[] = [];
function apiWith(variants: EmulatorOptions['variants']): TestApi {
  const api = createTestApi({ rateLimit: null, variants });
  apis.push(api);
  return api;
}
afterAll(() => {
  for (const api of apis) api.emulator.close();
});

const membersPath = `/thread/${DEMO_THREADS.small}/users`;
const { lurker, outsider, unknown } = DEMO_USERS;

function membersOfSmall(api: TestApi): string[] {
  return api.emulator.store.listThreadMembers(DEMO_THREADS.small);
}

describe('--add-outsider', () => {
  it.each([
    [{}, 403, 'forbidden_op', `users [${outsider}, ${unknown}] are not members of this group!`, 40300],
    [
      { addOutsider: 'not-in-group' },
      404,
      'group_error',
      `user not in group. [${outsider}, ${unknown}]`,
      40012,
    ],
  ] as const)(
    '%j: refuses the call naming the outsiders, nothing applied',
    async (variants, status, error, description, code) => {
      const api = apiWith(variants);
      const response = await api.call('POST', membersPath, {
        body: { usernames: [outsider, lurker, unknown] },
      });
      expectChatError(response, status, error, description);
      expect(response.json?.error_code).toBe(code);
      expect(membersOfSmall(api)).not.toContain(lurker);
    },
  );

  it('skip: 200, the group members are added and the outsiders silently are not', async () => {
    const api = apiWith({ addOutsider: 'skip' });
    const response = await api.call('POST', membersPath, {
      body: { usernames: [outsider, lurker, unknown] },
    });
    expect(response.status).toBe(200);
    expect(response.json?.data).toEqual({ status: 'ok' });
    const members = membersOfSmall(api);
    expect(members).toContain(lurker);
    expect(members).not.toContain(outsider);
    expect(members).not.toContain(unknown);
  });
});

describe('--add-member', () => {
  it('noop (default): adding a member succeeds without change', async () => {
    const api = apiWith({});
    const [member] = membersOfSmall(api);
    const before = membersOfSmall(api);
    const response = await api.call('POST', membersPath, { body: { usernames: [member, lurker] } });
    expect(response.status).toBe(200);
    expect(membersOfSmall(api)).toEqual([...before, lurker]);
  });

  it('error: 403 with error_code 40003 naming the members, and nothing of the call applied', async () => {
    const api = apiWith({ addMember: 'error' });
    const [first = '', second = ''] = membersOfSmall(api);
    const before = membersOfSmall(api);
    const response = await api.call('POST', membersPath, { body: { usernames: [lurker, second, first] } });
    expectChatError(
      response,
      403,
      'forbidden_op',
      `users [${second}, ${first}] are already members of this thread!`,
    );
    expect(response.json?.error_code).toBe(40003);
    expect(membersOfSmall(api)).toEqual(before);
  });

  it('error with skip: outsiders are dropped first, then members are refused', async () => {
    const api = apiWith({ addMember: 'error', addOutsider: 'skip' });
    const [member = ''] = membersOfSmall(api);
    const response = await api.call('POST', membersPath, { body: { usernames: [outsider, member] } });
    expectChatError(response, 403, 'forbidden_op', `users [${member}] are already members of this thread!`);
  });
});

describe('--cursor', () => {
  /** The second page of 10 after two members of the first page left, and the members before that. */
  async function firstPageThenRemoveEarlier(api: TestApi): Promise<{ next: string[]; all: string[] }> {
    const first = await api.call('GET', membersPath, { query: { limit: '10' } });
    const cursor = cursorOf(first) ?? '';
    const all = membersOfSmall(api);
    // Two members of the first page leave before the second page is read.
    const leaving = membersOf(first).slice(0, 2);
    await api.call('DELETE', membersPath, { body: { usernames: leaving } });
    const second = await api.call('GET', membersPath, { query: { limit: '10', cursor } });
    return { next: membersOf(second), all };
  }

  it('stable (default): a removal before the cursor does not move the next page', async () => {
    const { next, all } = await firstPageThenRemoveEarlier(apiWith({}));
    expect(next).toEqual(all.slice(10, 20));
  });

  it('offset: the cursor is a position in the current list, so earlier removals make the next page skip', async () => {
    const api = apiWith({ cursor: 'offset' });
    const first = await api.call('GET', membersPath, { query: { limit: '10' } });
    // Shaped like the documented sample: `<md5>:im:thread:<org>#<app>:<offset>`.
    expect(Buffer.from(cursorOf(first) ?? '', 'base64url').toString()).toMatch(
      /^[0-9a-f]{32}:im:thread:demo#moderation:10$/,
    );
    const { next, all } = await firstPageThenRemoveEarlier(apiWith({ cursor: 'offset' }));
    // Offset 10 of the shortened list is the 13th member of the original one: two members are skipped.
    expect(next).toEqual(all.slice(12, 22));
  });

  it('offset: walking the list without changes lists every member once, also on the huge thread', async () => {
    const api = apiWith({ cursor: 'offset' });
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 20; page++) {
      const response = await api.call('GET', `/thread/${DEMO_THREADS.huge}/users`, {
        query: { limit: '50', cursor },
      });
      seen.push(...membersOf(response));
      cursor = cursorOf(response) ?? '';
    }
    expect(seen).toEqual([
      DEMO_USERS.moderator,
      ...Array.from({ length: 999 }, (_, i) => demoUsername(i + 1)),
    ]);
  });
});

describe('--delete-path', () => {
  const plural = `/threads/${DEMO_THREADS.small}/users`;

  it('both (default): the plural path removes too', async () => {
    const api = apiWith({});
    const [member = ''] = membersOfSmall(api);
    const response = await api.call('DELETE', plural, { body: { usernames: [member] } });
    expect(response.json?.entities).toEqual([{ result: true, user: member }]);
  });

  it('singular: the plural path is an unknown route (404, before auth), the singular one works', async () => {
    const api = apiWith({ deletePath: 'singular' });
    const [member = ''] = membersOfSmall(api);
    for (const token of [undefined, null]) {
      expectChatError(
        await api.call('DELETE', plural, { body: { usernames: [member] }, token }),
        404,
        'service_resource_not_found',
        'Service resource not found',
      );
    }
    expect(membersOfSmall(api)).toContain(member);
    const singular = await api.call('DELETE', membersPath, { body: { usernames: [member] } });
    expect(singular.json?.entities).toEqual([{ result: true, user: member }]);
  });

  it('plural: the singular path serves no DELETE (405, before auth), the plural one works', async () => {
    const api = apiWith({ deletePath: 'plural' });
    const [member = ''] = membersOfSmall(api);
    for (const token of [undefined, null]) {
      expectChatError(
        await api.call('DELETE', membersPath, { body: { usernames: [member] }, token }),
        405,
        'web_application',
        'HTTP 405 Method Not Allowed',
      );
    }
    expect(membersOfSmall(api)).toContain(member);
    const response = await api.call('DELETE', plural, { body: { usernames: [member] } });
    expect(response.json?.entities).toEqual([{ result: true, user: member }]);
  });
});

describe('switching variants at run time', () => {
  let api: TestApi;
  beforeAll(() => {
    api = createTestApi({ rateLimit: null, control: true });
    apis.push(api);
  });

  it('the control routes change them and report them', async () => {
    const response = await api.call('PUT', '/_emulator/faults', { body: { variants: { cursor: 'offset' } } });
    expect(response.json?.variants).toEqual({
      addOutsider: 'forbidden-op',
      addMember: 'noop',
      cursor: 'offset',
      deletePath: 'both',
    });
    const bad = await api.call('PUT', '/_emulator/faults', { body: { variants: { cursor: 'random' } } });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ error: 'invalid variants.cursor' });
  });
});

describe('every combination', () => {
  // One emulator switched per case: seeding the demo data 36 times would take seconds.
  let api: TestApi;
  beforeAll(() => {
    api = apiWith({});
  });

  it.each(everyApiVariantCombination())('%j: lists, adds and removes a group member', async (variants) => {
    api.emulator.setFaults({ variants });
    expect((await api.call('POST', membersPath, { body: { usernames: [lurker] } })).status).toBe(200);
    const listed = await api.call('GET', membersPath, { query: { limit: '50' } });
    expect(membersOf(listed)).toContain(lurker);
    const removalPath =
      variants.deletePath === 'plural' ? `/threads/${DEMO_THREADS.small}/users` : membersPath;
    const removed = await api.call('DELETE', removalPath, { body: { usernames: [lurker] } });
    expect(removed.json?.entities).toEqual([{ result: true, user: lurker }]);
  });
});
