import * as assert from 'node:assert/strict';
import type { Task } from '../../../src/api/taskSchema';
import { mergeListChanges, type LoadedList } from '../../../src/polling/listMerge';
import { ListVersions } from '../../../src/polling/listVersions';
import { makeTask } from './memoryTaskSource';

const now = Date.parse('2026-11-01T12:00:00Z');
const at = (ms: number) => new Date(ms).toISOString();

/** A list of `tasks` (newest created first) out of `total`, recorded as read. */
function loaded(tasks: Task[], total = tasks.length): { list: LoadedList; versions: ListVersions } {
  const versions = new ListVersions();
  versions.reset(tasks);
  return { list: { items: tasks, unreadable: [], total }, versions };
}

describe('mergeListChanges', () => {
  const newer = makeTask(now, { task_status: 'FAILED' }, 60_000);
  const older = makeTask(now, { task_status: 'FAILED' }, 10 * 60_000);

  it('asks for a full read when the answer holds an unreadable item it has not shown', () => {
    const { list, versions } = loaded([newer, older]);
    const merge = mergeListChanges(list, { changed: [], unreadable: [{ id: 'task_x', problem: 'metadata: expected object', raw: {} }], totalUnfiltered: 2 }, {}, versions);
    assert.equal(merge.reloadOwed, true);
    const known = mergeListChanges({ ...list, unreadable: [{ id: 'task_x', problem: 'p', raw: {} }], total: 3 }, { changed: [], unreadable: [{ id: 'task_x', problem: 'p', raw: {} }], totalUnfiltered: 3 }, {}, versions);
    assert.equal(known.reloadOwed, false, 'one it already shows changes nothing');
  });

  it('asks for a full read when a task beyond the loaded pages takes or leaves the status (its count is unknown)', () => {
    const { list, versions } = loaded([newer, older], 5);
    const beyond = makeTask(now, { task_status: 'FAILED', updated_at: at(now) }, 60 * 60_000);
    const merge = mergeListChanges(list, { changed: [beyond], unreadable: [], totalUnfiltered: 9 }, { taskStatus: 'FAILED' }, versions);
    assert.equal(merge.reloadOwed, true);
    assert.deepEqual(merge.list.items.map((task) => task.id), [newer.id, older.id], 'and it is not placed among the loaded ones');
  });

  it('counts a brand-new task without reading again, and a vanished one with a full read', () => {
    const { list, versions } = loaded([newer, older]);
    const fresh = makeTask(now + 60_000, { task_status: 'PENDING', updated_at: at(now + 60_000) }, 0);
    const merge = mergeListChanges(list, { changed: [fresh], unreadable: [], totalUnfiltered: 3 }, {}, versions);
    assert.deepEqual([merge.reloadOwed, merge.list.total, merge.list.items[0].id, merge.structural], [false, 3, fresh.id, true]);
    const vanished = mergeListChanges(list, { changed: [fresh], unreadable: [], totalUnfiltered: 2 }, {}, versions);
    assert.equal(vanished.reloadOwed, true);
  });

  it('hands back each re-read task with how the list knew it', () => {
    const { list, versions } = loaded([newer, older]);
    const retried = { ...older, task_status: 'PROCESSING', updated_at: at(now) };
    const merge = mergeListChanges(list, { changed: [retried], unreadable: [], totalUnfiltered: 2 }, {}, versions);
    assert.deepEqual(merge.reread.map(([before, after]) => [before?.task_status, after.task_status]), [['FAILED', 'PROCESSING']]);
    assert.equal(merge.structural, false);
    assert.equal(merge.list.items[1], retried);
  });
});
