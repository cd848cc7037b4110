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

  describe('an export', () => {
    const metadata = { start_time: '2026-02-28T00:00:00Z', end_time: '2026-03-01T00:00:00Z' };
    const exported = (patch: Partial<Task>) =>
      task({ task_type: 'EXPORT', entity_type: 'credit_usage', task_status: 'COMPLETED', total_records: 1200, processed_records: 1200, successful_records: 1200, metadata, ...patch });

    it('is labelled by what and which data it copied, and its description has the file size instead of the entity type', () => {
      const done = exported({ metadata: { ...metadata, file_size_bytes: 48213, completed_at: '2026-03-01T11:58:00Z' } });
      assert.equal(taskRowLabel(done, now), 'credit_usage · Feb 28 → Mar 1');
      assert.equal(taskRowDescription(done, now), '3 min ago · 1,200/1,200 ok · 47.1 KB');
      const hourly = exported({ metadata: { start_time: '2026-03-01T10:00:00Z', end_time: '2026-03-01T11:00:00Z' } });
      assert.equal(taskRowLabel(hourly, now), 'credit_usage · Mar 1 10:00 → 11:00');
      assert.equal(taskRowLabel(exported({ entity_type: undefined }), now), 'export · Feb 28 → Mar 1');
    });

    it('keeps today’s label and description while its interval is unknown, adding a known file size', () => {
      const bare = exported({ metadata: { start_time: 'soon' }, file_name: 'usage.csv' });
      assert.equal(taskRowLabel(bare, now), 'usage.csv');
      assert.equal(taskRowDescription(bare, now), 'credit_usage · 3 min ago · 1,200/1,200 ok');
      assert.equal(taskRowLabel(exported({ metadata: undefined }), now), 'task_01');
      assert.equal(taskRowDescription(exported({ metadata: { file_size_bytes: 512 } }), now), 'credit_usage · 3 min ago · 1,200/1,200 ok · 512 bytes');
    });

    it('shows the interval in UTC and the file size in its hover, the ID still first', () => {
      const markdown = taskTooltipMarkdown(exported({ metadata: { ...metadata, file_size_bytes: 48213 } }), now);
      assert.match(markdown, /^\*\*ID:\*\* `task_01`/);
      assert.ok(markdown.includes('**Data (UTC):** 2026\\-02\\-28T00:00:00Z → 2026\\-03\\-01T00:00:00Z'), markdown);
      assert.ok(markdown.includes('**File size:** 47\\.1 KB \\(48,213 bytes\\)'), markdown);
    });

    it('gives a failed export’s cause in its hover, out of the workflow engine’s wrapping', () => {
      const error_summary = 'activity error (type: ExportData, scheduledEventID: 11, startedEventID: 12, identity: 1@worker@): failed to upload to s3: AccessDenied: Access Denied (type: wrapError, retryable: true)';
      const markdown = taskTooltipMarkdown(exported({ task_status: 'FAILED', error_summary }), now);
      assert.ok(markdown.endsWith('**Cause:** failed to upload to s3: AccessDenied: Access Denied'), markdown);
    });

    it('leaves an import’s row as it was, whatever its metadata', () => {
      const imported = task({ task_type: 'IMPORT', entity_type: 'EVENTS', file_name: 'events.csv', metadata, error_summary: 'Record 3: bad' });
      assert.equal(taskRowLabel(imported, now), 'events.csv');
      assert.equal(taskRowDescription({ ...imported, metadata: { ...metadata, file_size_bytes: 10 } }, now), 'EVENTS · 3 min ago');
      assert.doesNotMatch(taskTooltipMarkdown(imported, now), /Data|File size|Cause/);
      assert.match(taskTooltipMarkdown(imported, now), /\*\*Errors:\*\* Record 3: bad$/);
    });
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
