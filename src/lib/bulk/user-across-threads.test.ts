import { describe, expect, it } from 'vitest';
import { FakeThread, fakeUsers } from './fake-thread.ts';
import { ManualClock } from './manual-clock.ts';
import { Pacer } from './pacer.ts';
import { BulkOperation } from './bulk-operation.ts';
import { addUserToThreads, removeUserFromThreads } from './user-across-threads.ts';

const USER = 'spammer';

/** `count` threads named thread001…, each a FakeThread on one clock; the user is in those `isMember` picks. */
function setUp(count: number, { isMember = () => true }: { isMember?: (index: number) => boolean } = {}) {
  const clock = new ManualClock();
  const threadIds = fakeUsers(count, 'thread');
  const threads = new Map(threadIds.map((id) => [id, new FakeThread(clock)]));
  threadIds.forEach((id, i) => {
    const thread = threads.get(id);
    thread?.group.add(USER);
    thread?.members.add('bystander');
    if (isMember(i)) thread?.members.add(USER);
  });
  const fake = (threadId: string): FakeThread => {
    const thread = threads.get(threadId);
    if (!thread) throw new Error(`no fake thread ${threadId}`);
    return thread;
  };
  const common = { username: USER, clock, random: () => 0.5 };
  const remove = (ids: readonly string[] = threadIds, extra: { pacer?: Pacer; maxAttempts?: number } = {}) =>
    removeUserFromThreads({
      ...common,
      ...extra,
      threadIds: ids,
      removeFrom: (id, users) => fake(id).remove(users),
    });
  const addBack = (ids: readonly string[]) =>
    addUserToThreads({ ...common, threadIds: ids, addTo: (id, users) => fake(id).add(users) });
  const memberOf = () => threadIds.filter((id) => fake(id).members.has(USER));
  const callStarts = () =>
    [...threads.values()].flatMap((thread) => thread.calls.map((call) => call.startedAt));
  return { clock, threadIds, fake, remove, addBack, memberOf, callStarts };
}

function maxInAnySecond(starts: number[]): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while ((sorted[i] ?? 0) <= (sorted[j] ?? 0) - 1000) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

describe('removing one user from many threads', () => {
  it('sends one call per thread and reports each thread removed or not a member', async () => {
    const { clock, threadIds, fake, remove, memberOf } = setUp(12, { isMember: (i) => i !== 4 });
    const result = await clock.run(remove().start());
    for (const id of threadIds) expect(fake(id).calls.map((call) => call.usernames)).toEqual([[USER]]);
    expect(result.outcomes.get('thread005')).toEqual({ status: 'not-a-member' });
    expect(result.outcomes.get('thread001')).toEqual({ status: 'removed' });
    expect(result.counts).toMatchObject({ removed: 11, 'not-a-member': 1, pending: 0 });
    expect(memberOf()).toEqual([]);
    // Nobody else leaves a thread.
    expect(threadIds.every((id) => fake(id).members.has('bystander'))).toBe(true);
  });

  it('keeps the shared budget together with a removal from one thread running at the same time', async () => {
    const { clock, remove, callStarts } = setUp(300);
    const pacer = new Pacer({ callsPerSecond: 100, clock });
    const other = new FakeThread(clock);
    const others = fakeUsers(1000, 'member');
    for (const name of others) other.members.add(name);
    const acrossThreads = remove(undefined, { pacer });
    const oneThread = new BulkOperation({
      kind: 'remove',
      call: other.remove,
      usernames: others,
      clock,
      pacer,
    });
    const [across] = await clock.run(Promise.all([acrossThreads.start(), oneThread.start()]));
    expect(across.counts.removed).toBe(300);
    expect(other.members.size).toBe(0);
    // 300 + 100 calls at 100 per second: never more in any one second, however the two interleave.
    expect(maxInAnySecond([...callStarts(), ...other.calls.map((call) => call.startedAt)])).toBe(100);
  });

  it('retries server errors and lost answers per thread, and a deleted thread fails only itself', async () => {
    const { clock, fake, remove, memberOf } = setUp(6);
    fake('thread001').faultsByUser.set(USER, ['before-503', 'before-500']);
    // Applied, answer lost; the retry finds the user gone: removed by the lost attempt, not "never a member".
    fake('thread002').faultsByUser.set(USER, ['after-drop']);
    fake('thread003').faultsByUser.set(USER, ['no-thread']);
    fake('thread004').faultsByUser.set(USER, ['rate-limit']);
    const result = await clock.run(remove().start());
    expect(result.state).toBe('finished');
    expect(result.outcomes.get('thread001')).toEqual({ status: 'removed' });
    expect(result.outcomes.get('thread002')).toEqual({ status: 'removed', inferred: true });
    expect(result.outcomes.get('thread003')).toEqual({
      status: 'refused',
      reason: 'thread not found. (HTTP 404)',
    });
    expect(result.outcomes.get('thread004')).toEqual({ status: 'removed' });
    expect(result.counts).toMatchObject({ removed: 5, refused: 1, failed: 0 });
    expect(fake('thread001').calls).toHaveLength(3);
    expect(memberOf()).toEqual(['thread003']);
  });

  it('reports a thread whose retries ran out as failed', async () => {
    const { clock, fake, remove } = setUp(3);
    fake('thread002').faultsByUser.set(USER, ['before-503', 'before-503', 'before-503']);
    const operation = remove(undefined, { maxAttempts: 3 });
    const first = await clock.run(operation.start());
    expect(first.outcomes.get('thread002')).toMatchObject({ status: 'failed' });
    expect(first.counts).toMatchObject({ removed: 2, failed: 1 });
    expect(fake('thread002').calls).toHaveLength(3);
  });

  it('sends nothing more once cancelled: the threads not reached are not sent, and the user stays in them', async () => {
    const { clock, remove, memberOf } = setUp(400);
    const operation = remove();
    const done = operation.start();
    await clock.advance(1500);
    operation.cancel();
    const result = await clock.run(done);
    expect(result.state).toBe('cancelled');
    expect(result.counts.removed).toBeGreaterThan(0);
    expect(result.counts['not-sent']).toBeGreaterThan(0);
    expect(result.counts.removed + result.counts['not-sent']).toBe(400);
    const notSent = [...result.outcomes].filter(([, outcome]) => outcome.status === 'not-sent');
    expect(memberOf()).toEqual(notSent.map(([threadId]) => threadId));
  });
});

describe('undo: adding the user back', () => {
  it('adds the user back to exactly the threads they were removed from', async () => {
    const { clock, threadIds, remove, addBack, memberOf } = setUp(8, { isMember: (i) => i % 2 === 0 });
    const removal = await clock.run(remove().start());
    const removedFrom = threadIds.filter((id) => removal.outcomes.get(id)?.status === 'removed');
    expect(removedFrom).toEqual(['thread001', 'thread003', 'thread005', 'thread007']);
    const undo = await clock.run(addBack(removedFrom).start());
    expect(undo.counts).toMatchObject({ added: 4, refused: 0 });
    expect(memberOf()).toEqual(removedFrom);
  });

  it('reports a thread whose group the user has left as refused, and adds the rest', async () => {
    const { clock, fake, addBack, memberOf } = setUp(3, { isMember: () => false });
    fake('thread002').group.delete(USER);
    const undo = await clock.run(addBack(['thread001', 'thread002', 'thread003']).start());
    expect(undo.outcomes.get('thread002')).toEqual({
      status: 'refused',
      reason: `users [${USER}] are not members of this group!`,
    });
    expect(memberOf()).toEqual(['thread001', 'thread003']);
  });
});
