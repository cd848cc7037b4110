import * as assert from 'node:assert/strict';
import type { Task } from '../../../src/api/taskSchema';
import { PolledTasks } from '../../../src/polling/polledTasks';
import type { ListRead } from '../../../src/polling/polledTasks';
import { makeTask } from './memoryTaskSource';

const now = Date.parse('2026-03-01T12:00:00Z');
/** A full read of the list; every task is copied, as a fresh parse would give it. */
const page = (...tasks: Task[]): ListRead => ({
  kind: 'full',
  page: { items: tasks.map((task) => ({ ...task })), pagination: { total: tasks.length, limit: 50, offset: 0 } },
});

describe('PolledTasks', () => {
  const a = makeTask(now, { task_status: 'PROCESSING' });
  const b = makeTask(now, { task_status: 'PENDING' });
  const done = makeTask(now, { task_status: 'COMPLETED', processed_records: 10, successful_records: 10 });

  it('reports tasks changed in place, and those that finished', () => {
    const reads = new PolledTasks();
    reads.merge(page(a, b, done), []);
    const finishedA = { ...a, task_status: 'COMPLETED', processed_records: 5 };
    const change = reads.merge(page(finishedA, b, done), []);
    assert.equal(change.structural, false);
    assert.deepEqual(change.updated.map((task) => task.id), [a.id]);
    assert.deepEqual(change.finished.map(({ task, previous }) => [task.id, previous.task_status]), [[a.id, 'PROCESSING']]);
    assert.deepEqual(reads.merge(page(finishedA, b, done), []).updated, [], 'the same answer again changes nothing');
  });

  it('compares each task with its own previous read when the list changed order', () => {
    const reads = new PolledTasks();
    reads.merge(page(a, b), []);
    const c = makeTask(now);
    const change = reads.merge(page(c, { ...b, task_status: 'PROCESSING' }, a), []);
    assert.equal(change.structural, true);
    assert.deepEqual(change.updated.map((task) => task.id), [b.id], 'a moved but did not change; c is new');
  });

  it('does not compare a COMPLETED task again, but keeps the new read', () => {
    const reads = new PolledTasks();
    reads.merge(page(a, done), []);
    const change = reads.merge(page(a, { ...done, updated_by: 'someone-else' }), []);
    assert.deepEqual(change.updated, []);
    assert.equal(reads.get(done.id)?.updated_by, 'someone-else');
  });

  it('looks tasks up by ID in the latest list, then in single reads', () => {
    const reads = new PolledTasks();
    assert.equal(reads.get(a.id), undefined);
    reads.merge(page(a), [b]);
    assert.equal(reads.get(a.id)?.id, a.id);
    assert.equal(reads.get(b.id)?.id, b.id);
    reads.merge(page({ ...a, processed_records: 7 }), []);
    assert.equal(reads.get(a.id)?.processed_records, 7, 'the index follows the new list');
  });

  it('compares a task fetched on its own with its read from the previous list', () => {
    const reads = new PolledTasks();
    reads.merge(page(a, b), []);
    const finishedA = { ...a, task_status: 'FAILED' };
    const change = reads.merge(page(b), [finishedA]);
    assert.deepEqual(change.firstReads, [], 'known from the list');
    assert.deepEqual(change.updated.map((task) => task.id), [a.id]);
    assert.deepEqual(change.finished.map(({ task }) => task.task_status), ['FAILED']);
  });
});
