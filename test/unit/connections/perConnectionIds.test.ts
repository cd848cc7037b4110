import * as assert from 'node:assert/strict';
import { recentTaskIds, watchedTaskIds } from '../../../src/storage/boundedIdList';
import { recentIdsKey, watchedIdsKey } from '../../../src/storage/perConnectionState';
import { MemoryState } from './memoryStores';

describe('recent and watched task IDs, per connection', () => {
  it('follow the connection in use: switching it switches both lists', async () => {
    const state = new MemoryState();
    let active = 'sandbox';
    const recent = recentTaskIds(state, () => active);
    const watched = watchedTaskIds(state, () => active);
    await recent.add('task_sandbox_1');
    await watched.add('task_sandbox_pinned');

    active = 'production';
    assert.deepEqual(recent.list(), [], 'nothing of Sandbox shows in Production');
    assert.deepEqual(watched.list(), []);
    assert.equal(watched.has('task_sandbox_pinned'), false);
    await recent.add('task_production_1');
    await watched.add('task_production_pinned');

    active = 'sandbox';
    assert.deepEqual(recent.list(), ['task_sandbox_1']);
    assert.deepEqual(watched.list(), ['task_sandbox_pinned']);
    active = 'production';
    assert.deepEqual(recent.list(), ['task_production_1']);
    assert.deepEqual(watched.list(), ['task_production_pinned']);
  });

  it('never leak between connections: adding, removing and clearing touch only the one in use', async () => {
    const state = new MemoryState();
    let active = 'a';
    const recent = recentTaskIds(state, () => active);
    const watched = watchedTaskIds(state, () => active);
    for (const id of ['a', 'b']) {
      active = id;
      await recent.add(`task_${id}_1`);
      await recent.add(`task_${id}_2`);
      await watched.add(`task_${id}_w`);
    }
    active = 'a';
    await recent.remove('task_a_1');
    await watched.clear();
    assert.deepEqual(state.snapshot(), {
      [recentIdsKey('a')]: ['task_a_2'],
      [recentIdsKey('b')]: ['task_b_2', 'task_b_1'],
      [watchedIdsKey('b')]: ['task_b_w'],
    });
    // Removing an ID another connection holds changes nothing there.
    await recent.remove('task_b_1');
    assert.deepEqual(state.get(recentIdsKey('b')), ['task_b_2', 'task_b_1']);
  });
});
