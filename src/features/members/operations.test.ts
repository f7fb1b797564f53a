import { afterEach, expect, test, vi } from 'vitest';
import { BulkOperation } from '../../lib/bulk/bulk-operation.ts';
import { FakeThread, fakeUsers } from '../../lib/bulk/fake-thread.ts';
import { ManualClock } from '../../lib/bulk/manual-clock.ts';
import { operations, UNDO_WINDOW_MS, type OperationEntry } from './operations.ts';

afterEach(() => {
  vi.restoreAllMocks();
  for (const entry of operations.getSnapshot()) operations.dismiss(entry.id);
});

/** An add of three users to a thread whose group holds only the first two: one is refused, none fails. */
function listedAdd({ isUndo = false } = {}) {
  const clock = new ManualClock();
  const thread = new FakeThread(clock, { latencyMs: 10 });
  const users = fakeUsers(3);
  for (const user of users.slice(0, 2)) thread.group.add(user);
  const operation = new BulkOperation({ kind: 'add', call: thread.add, usernames: users, clock });
  const entry = operations.add({
    label: 'Add',
    threadId: 't',
    threadName: 'T',
    operation,
    invalid: [],
    isUndo,
  });
  const current = (): OperationEntry | undefined =>
    operations.getSnapshot().find(({ id }) => id === entry.id);
  return { clock, operation, entry, current };
}

test('Undo is offered for ten seconds from the end of a run, whether or not anything shows it', async () => {
  vi.spyOn(Date, 'now').mockReturnValue(1_000_000);
  const { clock, operation, current } = listedAdd();
  expect(current()?.undoUntil).toBeNull();
  const run = operation.start();
  expect(current()?.undoUntil).toBeNull();
  await clock.run(run);
  expect(current()?.undoUntil).toBe(1_000_000 + UNDO_WINDOW_MS);
});

test('once Undo is used, it is not offered again, even after a further run', async () => {
  const { clock, operation, entry, current } = listedAdd();
  await clock.run(operation.start());
  operations.markUndone(entry.id);
  expect(current()).toMatchObject({ undone: true, undoUntil: null });
  await clock.run(operation.retryFailed({ includeNotSent: true }));
  expect(current()?.undoUntil).toBeNull();
});

test('an undo offers no Undo of its own', async () => {
  const { clock, operation, current } = listedAdd({ isUndo: true });
  await clock.run(operation.start());
  expect(current()?.undoUntil).toBeNull();
});
