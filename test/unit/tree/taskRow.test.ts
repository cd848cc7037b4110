import * as assert from 'node:assert/strict';
import type { Task } from '../../../src/api/taskSchema';
import { groupTasks } from '../../../src/tree/taskGroups';
import { formatCount } from '../../../src/format/count';
import { recordCounts, taskRowDescription, taskRowLabel } from '../../../src/tree/taskRow';
import { taskTooltipMarkdown } from '../../../src/tree/taskTooltip';

const now = new Date('2026-03-01T12:00:00Z');
const task = (patch: Partial<Task>): Task => ({ id: 'task_01', created_at: '2026-03-01T11:57:00Z', ...patch });

describe('task rows', () => {
  it('writes counts as en-US does, whole or not', () => {
    const values = [0, 7, 999, 1000, 12345, 1234567, -1234, Number.MAX_SAFE_INTEGER, 1234.5, -0.25, 1e21, NaN, Infinity];
    for (const value of values) assert.equal(formatCount(value), value.toLocaleString('en-US'), String(value));
  });

  it('labels a row with the file name, else the ID', () => {
    assert.equal(taskRowLabel(task({ file_name: 'events.csv' })), 'events.csv');
    assert.equal(taskRowLabel(task({ file_name: '  ' })), 'task_01');
  });

  it('describes entity type, age and record counts', () => {
    const done = task({ entity_type: 'EVENTS', task_status: 'COMPLETED', processed_records: 1000, successful_records: 980, failed_records: 20 });
    assert.equal(taskRowDescription(done, now), 'EVENTS · 3 min ago · 980/1,000 ok');
  });

  it('shows no counts for a running import, whose counts stay 0 until the end', () => {
    assert.equal(recordCounts(task({ task_status: 'PROCESSING', processed_records: 0 })), undefined);
    assert.equal(taskRowDescription(task({ entity_type: 'invoice' }), now), 'invoice · 3 min ago');
  });

  it('prefers total_records (exports) over processed', () => {
    assert.equal(recordCounts(task({ total_records: 5000, processed_records: 2500, successful_records: 2500 })), '2,500/5,000 ok');
  });

  it('says a running task with no update for over an hour is stalled, in the row and its hover', () => {
    const stuck = task({ entity_type: 'credit_usage', task_type: 'EXPORT', task_status: 'PROCESSING', created_at: '2026-03-01T08:50:00Z', updated_at: '2026-03-01T09:00:00Z' });
    assert.equal(taskRowDescription(stuck, now), 'Stalled — no update for 3 h · credit_usage · 3 h ago');
    assert.match(taskTooltipMarkdown(stuck, now), /^\*\*Stalled — no update for 3 h\.\*\* The server's workflow may have timed out/);
    const recent = { ...stuck, updated_at: '2026-03-01T11:30:00Z' };
    assert.equal(taskRowDescription(recent, now), 'credit_usage · 3 h ago', 'half an hour without news is not stalled');
    assert.doesNotMatch(taskTooltipMarkdown(recent, now), /Stalled/);
  });

  it('escapes server text in the tooltip', () => {
    const markdown = taskTooltipMarkdown(task({ file_name: '[x](command:evil)', error_summary: 'Record 3: <b>bad</b>' }));
    assert.ok(!markdown.includes('[x](command:evil)'), markdown);
    assert.ok(markdown.includes('\\[x\\]\\(command:evil\\)'), markdown);
    assert.ok(!markdown.includes('<b>'), markdown);
  });
});

describe('task groups', () => {
  const tasks: Task[] = [
    task({ id: 'a', task_status: 'COMPLETED', task_type: 'EXPORT' }),
    task({ id: 'b', task_status: 'PROCESSING', task_type: 'IMPORT' }),
    task({ id: 'c', task_status: 'FAILED', task_type: 'IMPORT' }),
    task({ id: 'd', task_status: 'PENDING', task_type: 'IMPORT' }),
    task({ id: 'e', task_status: 'CANCELLED', task_type: 'SYNC' }),
  ];

  it('groups Running, Failed, Completed in order, keeps the server order inside, and shows unknown statuses as-is', () => {
    const groups = groupTasks(tasks, 'status');
    assert.deepEqual(groups.map((g) => [g.title, g.tasks.map((t) => t.id).join('')]), [
      ['Running', 'bd'],
      ['Failed', 'c'],
      ['Completed', 'a'],
      ['CANCELLED', 'e'],
    ]);
  });

  it('hides empty groups', () => {
    assert.deepEqual(groupTasks([tasks[0]], 'status').map((g) => g.title), ['Completed']);
  });

  it('groups by type on request', () => {
    assert.deepEqual(groupTasks(tasks, 'type').map((g) => [g.title, g.tasks.length]), [['Imports', 3], ['Exports', 1], ['SYNC', 1]]);
  });
});
