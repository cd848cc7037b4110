import * as assert from 'node:assert/strict';
import { MAX_RECENT_TASK_IDS, RecentTaskIds, type KeyValueStore } from '../../../src/commands/recentTaskIds';

/** An in-memory stand-in for vscode's globalState (a Memento). */
function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { data: Record<string, unknown> } {
  const data = { ...initial };
  return {
    data,
    get: <T>(key: string) => data[key] as T | undefined,
    update: async (key, value) => {
      if (value === undefined) delete data[key];
      else data[key] = value;
    },
  };
}

describe('RecentTaskIds', () => {
  it('keeps IDs most recent first, without duplicates', async () => {
    const recent = new RecentTaskIds(memoryStore());
    await recent.remember('task_a');
    await recent.remember('task_b');
    await recent.remember('task_a');
    assert.deepEqual(recent.list(), ['task_a', 'task_b']);
  });

  it(`keeps at most ${MAX_RECENT_TASK_IDS}`, async () => {
    const recent = new RecentTaskIds(memoryStore());
    for (let i = 0; i < 30; i++) await recent.remember(`task_${i}`);
    const list = recent.list();
    assert.equal(list.length, MAX_RECENT_TASK_IDS);
    assert.equal(list[0], 'task_29');
    assert.equal(list.at(-1), 'task_10');
  });

  it('clears them all, and ignores junk left in storage', async () => {
    const store = memoryStore({ 'flexprice.recentTaskIds': ['task_ok', 42, null, { id: 'x' }] });
    const recent = new RecentTaskIds(store);
    assert.deepEqual(recent.list(), ['task_ok']);
    await recent.clear();
    assert.deepEqual(recent.list(), []);
    assert.deepEqual(store.data, {});
  });
});
