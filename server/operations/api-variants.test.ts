// Bulk operations under every answer the public sources allow the Chat API to give (the emulator's switches):
// a refusal names its users whichever form it takes, a member added meanwhile is "already a member", a user
// the host skipped silently is reported not added, and removal finds the path the host serves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiVariants } from '../../emulator/api-variants.ts';
import { DEMO_THREADS, DEMO_USERS, demoUsername } from '../../emulator/demo-data.ts';
import { everyApiVariantCombination } from '../../emulator/test-support.ts';
import { createHarness, type Harness } from '../test-harness.ts';
import { ended, start, type ItemRow } from './operation-test-calls.ts';
import { NOT_ADDED } from './operation-runner.ts';

const thread = DEMO_THREADS.empty;
const newcomer = DEMO_USERS.lurker;
/** Joins the thread by another hand after the operation read who is a member, before its first add. */
const racer = demoUsername(149_999);
const stranger = demoUsername(149_998);
const outsider = DEMO_USERS.outsider;

let harness: Harness;
let race: { armed: boolean } = { armed: false };

beforeAll(() => {
  harness = createHarness({
    upstreamFetch: (emulatorFetch) => async (request) => {
      if (race.armed && request.method === 'POST' && request.url.endsWith(`/thread/${thread}/users`)) {
        race.armed = false;
        harness.emulator.store.addThreadMembers(thread, [racer]);
      }
      return emulatorFetch(request);
    },
  });
});
afterAll(() => harness.close());

const byUser = (items: ItemRow[]) =>
  Object.fromEntries(
    items.map(([, user, status, reason]) => [user, reason === null ? status : [status, reason]]),
  );

function outsiderOutcome(variant: ApiVariants['addOutsider']): [string, string] {
  if (variant === 'forbidden-op') return ['refused', `users [${outsider}] are not members of this group!`];
  if (variant === 'not-in-group') return ['refused', `user not in group. [${outsider}]`];
  return ['refused', NOT_ADDED];
}

/** Runs one operation on the thread to its end; it must finish, whatever the host answers. */
async function finished(kind: 'add' | 'remove', usernames: string[]) {
  const operation = await start(harness, { kind, threadId: thread, usernames });
  const { operation: summary, items } = await ended(harness, operation.id);
  expect(summary.state).toBe('finished');
  return byUser(items);
}

describe.each(everyApiVariantCombination())('operations under %j', (variants) => {
  it('add: refusals per user, a member added meanwhile, the rest added; then removal', async () => {
    harness.emulator.setFaults({ variants });
    expect(harness.emulator.store.listThreadMembers(thread)).toEqual([]);
    race = { armed: true };

    expect(await finished('add', [outsider, racer, newcomer])).toEqual({
      [outsider]: outsiderOutcome(variants.addOutsider),
      // A host that accepts a repeated join cannot tell it from a join.
      [racer]: variants.addMember === 'error' ? 'already-a-member' : 'added',
      [newcomer]: 'added',
    });
    expect(harness.emulator.store.listThreadMembers(thread).sort()).toEqual([newcomer, racer].sort());

    const before = harness.exchanges.length;
    expect(await finished('remove', [newcomer, racer, stranger])).toEqual({
      [newcomer]: 'removed',
      [racer]: 'removed',
      [stranger]: 'not-a-member',
    });
    expect(harness.emulator.store.listThreadMembers(thread)).toEqual([]);
    // The singular path first; the plural once, only where the host serves no other.
    const removals = harness.exchanges
      .slice(before)
      .filter((exchange) => exchange.method === 'DELETE')
      .map((exchange) => [new URL(exchange.url).pathname.split('/')[3], exchange.status]);
    expect(removals).toEqual(
      variants.deletePath === 'plural'
        ? [
            ['thread', 405],
            ['threads', 200],
          ]
        : [['thread', 200]],
    );
  });
});
