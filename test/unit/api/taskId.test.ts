import * as assert from 'node:assert/strict';
import { MAX_TASK_ID_LENGTH, normalizeTaskId, taskPath } from '../../../src/api/taskId';

describe('normalizeTaskId', () => {
  it('trims and drops one pair of surrounding quotes or backticks', () => {
    assert.deepEqual(normalizeTaskId('  task_01ABC \n'), { ok: true, id: 'task_01ABC' });
    assert.deepEqual(normalizeTaskId('"task_01ABC"'), { ok: true, id: 'task_01ABC' });
    assert.deepEqual(normalizeTaskId(" 'task_01ABC' "), { ok: true, id: 'task_01ABC' });
    assert.deepEqual(normalizeTaskId('`task_01ABC`'), { ok: true, id: 'task_01ABC' });
    assert.deepEqual(normalizeTaskId('""task""'), { ok: true, id: '"task"' }, 'only one pair');
    assert.deepEqual(normalizeTaskId('"task_01ABC'), { ok: true, id: '"task_01ABC' }, 'unpaired quotes stay');
  });

  it('refuses empty IDs, also once quotes are dropped', () => {
    for (const raw of ['', '   ', '""', '` `']) assert.equal(normalizeTaskId(raw).ok, false, JSON.stringify(raw));
  });

  it(`refuses IDs longer than ${MAX_TASK_ID_LENGTH} characters`, () => {
    assert.equal(normalizeTaskId('a'.repeat(MAX_TASK_ID_LENGTH)).ok, true);
    const refused = normalizeTaskId('a'.repeat(MAX_TASK_ID_LENGTH + 1));
    assert.equal(refused.ok, false);
    assert.match(refused.ok ? '' : refused.reason, /longer than 200/);
  });

  it('refuses control characters: C0, DEL and C1', () => {
    for (const raw of ['a\u0000b', 'a\nb', 'a\rb', 'a\tb', 'a\u001bb', 'a\u007fb', 'a\u0085b', 'a\u009fb']) {
      assert.equal(normalizeTaskId(raw).ok, false, JSON.stringify(raw));
    }
  });

  it('refuses dot-only IDs and keeps other punctuation', () => {
    assert.equal(normalizeTaskId('.').ok, false);
    assert.equal(normalizeTaskId('..').ok, false);
    assert.deepEqual(normalizeTaskId('../x'), { ok: true, id: '../x' });
    assert.deepEqual(normalizeTaskId('...'), { ok: true, id: '...' });
  });
});

describe('taskPath', () => {
  it('keeps every ID inside a single path segment', () => {
    assert.equal(taskPath('task_01ABC'), 'tasks/task_01ABC');
    assert.equal(taskPath('../x'), 'tasks/..%2Fx');
    assert.equal(taskPath('a/b'), 'tasks/a%2Fb');
    assert.equal(taskPath('a?b=c'), 'tasks/a%3Fb%3Dc');
    assert.equal(taskPath('a#b'), 'tasks/a%23b');
    assert.equal(taskPath('%2e%2e'), 'tasks/%252e%252e');
    assert.equal(taskPath('task 1'), 'tasks/task%201');
  });

  it('appends sub-resources', () => {
    assert.equal(taskPath('task_1', 'download'), 'tasks/task_1/download');
  });

  it('throws for dot-only IDs, which no encoding keeps from being a dot-segment', () => {
    assert.throws(() => taskPath('..'), RangeError);
    assert.throws(() => taskPath('.'), RangeError);
  });
});
