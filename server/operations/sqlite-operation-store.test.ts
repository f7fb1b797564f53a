import { describe, expect, it } from 'vitest';
import { openSqliteOperationStore } from './sqlite-operation-store.ts';
import { runningRemoval } from './operation-test-calls.ts';

describe('the SQLite operation store', () => {
  it("keeps each operation's counts as its items settle and reopen", () => {
    const store = openSqliteOperationStore(':memory:');
    const items = ['a', 'b'].map((username) => ({ threadId: '1', username }));
    store.create(runningRemoval('op', '1'), items);
    expect(store.counts('op')).toMatchObject({ pending: 2, removed: 0 });

    store.settle('op', [{ threadId: '1', username: 'a', status: 'removed', reason: null, inferred: false }]);
    expect(store.counts('op')).toMatchObject({ pending: 1, removed: 1 });
    // What a caller does with the counts it was given does not reach the store's.
    store.counts('op').pending = 99;
    expect(store.counts('op').pending).toBe(1);

    store.settle('op', [{ threadId: '1', username: 'b', status: 'failed', reason: 'x', inferred: false }]);
    store.reopen('op', [{ threadId: '1', username: 'b' }]);
    expect(store.counts('op')).toMatchObject({ pending: 1, removed: 1, failed: 0 });
    store.close();
  });
});
