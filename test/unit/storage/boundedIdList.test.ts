import * as assert from 'node:assert/strict';
import { recentTaskIds, watchedTaskIds, type KeyValueStore } from '../../../src/storage/boundedIdList';
import { recentIdsKey, watchedIdsKey } from '../../../src/storage/perConnectionState';

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

const CONNECTION = 'c1';
const inUse = () => CONNECTION;

describe('BoundedIdList', () => {
  it('keeps recent IDs most recent first, without duplicates', async () => {
    const recent = recentTaskIds(memoryStore(), inUse);
    await recent.add('task_a');
    await recent.add('task_b');
    await recent.add('task_a');
    assert.deepEqual(recent.list(), ['task_a', 'task_b']);
  });

  it('keeps at most 20 recent IDs, dropping the oldest', async () => {
    const recent = recentTaskIds(memoryStore(), inUse);
    for (let i = 0; i < 30; i++) await recent.add(`task_${i}`);
    const list = recent.list();
    assert.equal(list.length, 20);
    assert.equal(list[0], 'task_29');
    assert.equal(list.at(-1), 'task_10');
  });

  it('keeps watched IDs in the order they were pinned, at most 50, and removes one', async () => {
    const store = memoryStore();
    const watched = watchedTaskIds(store, inUse);
    for (let i = 0; i < 55; i++) await watched.add(`task_${i}`);
    assert.deepEqual(watched.list().slice(0, 2), ['task_5', 'task_6']);
    assert.equal(watched.list().length, 50);
    assert.deepEqual((await watched.add('task_5')).slice(-2), ['task_54', 'task_5'], 'pinning again moves it last');
    assert.equal(watched.has('task_7'), true);
    assert.equal((await watched.remove('task_7')).includes('task_7'), false);
    assert.deepEqual(Object.keys(store.data), [watchedIdsKey(CONNECTION)]);
    assert.equal((store.data[`flexprice.watchedTaskIds.${CONNECTION}`] as string[]).length, 49);
  });

  it('clears them all, and ignores junk left in storage', async () => {
    const store = memoryStore({ [recentIdsKey(CONNECTION)]: ['task_ok', 42, null, { id: 'x' }] });
    const recent = recentTaskIds(store, inUse);
    assert.deepEqual(recent.list(), ['task_ok']);
    await recent.clear();
    assert.deepEqual(recent.list(), []);
    assert.deepEqual(store.data, {});
  });

  it('keeps the lists under the connection\'s own keys', async () => {
    const store = memoryStore();
    await recentTaskIds(store, inUse).add('task_r');
    await watchedTaskIds(store, inUse).add('task_w');
    assert.deepEqual(store.data, { 'flexprice.recentTaskIds.c1': ['task_r'], 'flexprice.watchedTaskIds.c1': ['task_w'] });
  });
});
