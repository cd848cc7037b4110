import * as assert from 'node:assert/strict';
import { TaskSchema, type Task } from '../../../src/api/taskSchema';
import { buildTaskView, taskTitle } from '../../../src/panel/taskViewModel';

const NOW = new Date('2026-11-27T12:00:00Z');
const options = { now: NOW, live: false, locale: 'en-GB', timeZone: 'UTC' };

/** Tasks go through the real schema, as they do when they come from a server. */
function task(fields: Record<string, unknown>): Task {
  return TaskSchema.parse({ id: 'task_01JQ7B2C3D4E5F6G7H8J9K0M1N', created_at: '2026-11-27T11:00:00Z', updated_at: '2026-11-27T11:30:00Z', ...fields });
}

describe('buildTaskView', () => {
  it('formats a completed import with failures: counts, badge, times, duration', () => {
    const view = buildTaskView(
      task({
        task_type: 'IMPORT',
        entity_type: 'EVENTS',
        file_type: 'CSV',
        file_name: 'events-nov.csv',
        task_status: 'COMPLETED',
        total_records: null,
        processed_records: 12500,
        successful_records: 12497,
        failed_records: 3,
        started_at: '2026-11-27T11:00:05.123456789Z',
        completed_at: '2026-11-27T11:03:10Z',
        error_summary: 'Record 3: bad; Record 9: worse; Chunk 2: timeout',
      }),
      options,
    );
    assert.equal(view.title, 'events-nov.csv');
    assert.deepEqual(view.status, { label: 'COMPLETED', tone: 'completed', icon: 'pass' });
    assert.equal(view.records.processed, '12,500');
    assert.equal(view.records.successful, '12,497');
    assert.equal(view.records.failed, '3');
    assert.equal(view.records.total, '—');
    assert.equal(view.records.hasFailures, true);
    assert.equal(view.records.progress.mode, 'none');
    assert.deepEqual(view.times.map((t) => [t.label, t.relative]), [
      ['Created', '1 h ago'],
      ['Started', '1 h ago'],
      ['Completed', '57 min ago'],
      ['Updated', '30 min ago'],
    ]);
    assert.equal(view.times[2]?.local, '27 Nov 2026, 11:03:10');
    assert.equal(view.duration, 'Took 3 min 5 s');
    assert.equal(view.errors.entries.length, 3);
    assert.equal(view.errors.note, undefined);
    assert.deepEqual(view.facts.map((f) => f.value), ['IMPORT', 'EVENTS', 'CSV', 'events-nov.csv']);
  });

  it('shows an indeterminate bar while an import is PROCESSING with counts still 0', () => {
    const view = buildTaskView(task({ task_status: 'PROCESSING', processed_records: 0, started_at: '2026-11-27T11:58:00Z' }), options);
    assert.equal(view.records.progress.mode, 'indeterminate');
    assert.equal(view.duration, 'Running for 2 min');
    assert.deepEqual(view.status, { label: 'PROCESSING', tone: 'processing', icon: 'sync' });
  });

  it('shows a determinate bar where a total exists, capped at 100%', () => {
    const half = buildTaskView(task({ task_status: 'PROCESSING', total_records: 400, processed_records: 100 }), options);
    assert.deepEqual(half.records.progress, { mode: 'determinate', percent: 25, label: '100 of 400 records processed (25%)' });
    const over = buildTaskView(task({ task_status: 'COMPLETED', total_records: 10, processed_records: 12 }), options);
    assert.equal(over.records.progress.mode === 'determinate' && over.records.progress.percent, 100);
  });

  it('keeps unknown statuses and lowercase export entity types as sent', () => {
    const view = buildTaskView(task({ task_status: 'ARCHIVING', task_type: 'EXPORT', entity_type: 'credit_usage' }), options);
    assert.deepEqual(view.status, { label: 'ARCHIVING', tone: 'unknown', icon: 'question' });
    assert.equal(view.facts[1]?.value, 'credit_usage');
  });

  it('says plainly when a FAILED task has no error summary', () => {
    const view = buildTaskView(task({ task_status: 'FAILED', error_summary: null, failed_at: '2026-11-27T11:10:00Z' }), options);
    assert.equal(view.errors.entries.length, 0);
    assert.match(view.errors.note ?? '', /failed without an error summary/);
  });

  it('lists metadata with nested values as formatted JSON', () => {
    const view = buildTaskView(task({ metadata: { start_time: '2026-11-01T00:00:00Z', file_size_bytes: 2048, filters: { customer: ['a'] }, note: null } }), options);
    assert.deepEqual(view.metadata, [
      { key: 'start_time', value: '2026-11-01T00:00:00Z', json: false },
      { key: 'file_size_bytes', value: '2048', json: false },
      { key: 'filters', value: '{\n  "customer": [\n    "a"\n  ]\n}', json: true },
      { key: 'note', value: '—', json: false },
    ]);
  });

  it('disables Open File with a reason when there is no file or the export is unfinished', () => {
    const none = buildTaskView(task({ task_status: 'COMPLETED', file_url: '' }), options);
    assert.deepEqual(none.actions.openFile, { enabled: false, reason: 'This task has no file.' });
    const running = buildTaskView(task({ task_type: 'EXPORT', task_status: 'PROCESSING', file_url: 's3://b/k.csv' }), options);
    assert.equal(running.actions.openFile.enabled, false);
    assert.match(running.actions.openFile.reason ?? '', /not finished/);
    const done = buildTaskView(task({ task_type: 'EXPORT', task_status: 'COMPLETED', file_type: 'CSV', file_url: 's3://b/k.csv.gz' }), options);
    assert.deepEqual(done.actions, { openFile: { enabled: true }, openInEditor: { enabled: true, offered: true } });
    assert.equal(none.actions.openInEditor.offered, false, 'imports are not offered "Open export in editor"');
    const script = buildTaskView(task({ task_status: 'COMPLETED', file_url: 'javascript:alert(1)' }), options);
    assert.equal(script.actions.openFile.enabled, false);
    assert.match(script.actions.openFile.reason ?? '', /javascript/);
  });

  it('says when this copy was fetched, and how long ago', () => {
    const view = buildTaskView(task({ task_status: 'COMPLETED' }), { ...options, fetchedAt: new Date('2026-11-27T11:57:00Z') });
    assert.equal(view.updatedLabel, 'Fetched 27 Nov 2026, 11:57:00 (3 min ago)');
    assert.equal(buildTaskView(task({}), options).updatedLabel, 'Fetched 27 Nov 2026, 12:00:00 (just now)');
  });

  it('banners a running task with no update for over an hour as stalled, and says it is checked rarely, not live', () => {
    const stuck = task({ task_type: 'EXPORT', task_status: 'PROCESSING', created_at: '2026-11-27T08:50:00Z', updated_at: '2026-11-27T09:00:00Z' });
    const view = buildTaskView(stuck, { ...options, live: true });
    assert.equal(view.stalled, "Stalled — no update for 3 h. Flexprice stops an export's workflow after 60 minutes; this task will likely not change again.");
    assert.deepEqual(view.liveNote.label, 'Checked every 10 min');
    const stuckImport = buildTaskView({ ...stuck, task_type: 'IMPORT', task_status: 'PENDING' }, options);
    assert.match(stuckImport.stalled ?? '', /^Stalled — no update for 3 h\. Its job may have stopped/);

    const recent = buildTaskView({ ...stuck, updated_at: '2026-11-27T11:30:00Z' }, { ...options, live: true });
    assert.equal(recent.stalled, undefined, 'half an hour without news is not stalled');
    assert.equal(recent.liveNote.label, 'Live');
    assert.equal(buildTaskView({ ...stuck, task_status: 'COMPLETED' }, options).stalled, undefined, 'a finished task is not stalled');
  });

  it('carries hostile server text unchanged, as data for textContent', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const view = buildTaskView(task({ file_name: hostile, metadata: { [hostile]: hostile } }), options);
    assert.equal(view.title, hostile);
    assert.equal(view.metadata[0]?.key, hostile);
  });
});

describe('buildTaskView of an export', () => {
  const WRAPPED = 'activity error (type: ExportData, scheduledEventID: 11, startedEventID: 12, identity: 1@worker@): failed to upload to s3: AccessDenied: Access Denied (type: wrapError, retryable: true)';
  const exported = (fields: Record<string, unknown>) =>
    task({ task_type: 'EXPORT', entity_type: 'credit_usage', metadata: { start_time: '2026-11-25T00:00:00Z', end_time: '2026-11-26T00:00:00Z' }, ...fields });

  it('gives the data interval in words and in RFC 3339, the file size, and the schedule when known', () => {
    const done = exported({ task_status: 'COMPLETED', metadata: { start_time: '2026-11-25T00:00:00Z', end_time: '2026-11-26T00:00:00Z', file_size_bytes: 48213 } });
    assert.deepEqual(buildTaskView(done, { ...options, scheduleId: 'schtask_01JQ7B' }).exportInfo, {
      interval: { words: 'Nov 25, 2026, 00:00 → Nov 26, 2026, 00:00 UTC (1 day)', utc: '2026-11-25T00:00:00Z → 2026-11-26T00:00:00Z' },
      fileSize: '47.1 KB (48,213 bytes)',
      scheduleId: 'schtask_01JQ7B',
    });
    assert.deepEqual(buildTaskView(exported({ task_status: 'PENDING' }), options).exportInfo, {
      interval: { words: 'Nov 25, 2026, 00:00 → Nov 26, 2026, 00:00 UTC (1 day)', utc: '2026-11-25T00:00:00Z → 2026-11-26T00:00:00Z' },
    });
  });

  it('has no export facts when none is known, nor for an import', () => {
    assert.equal(buildTaskView(exported({ metadata: { start_time: 'later' } }), options).exportInfo, undefined);
    assert.equal('exportInfo' in buildTaskView(exported({ metadata: null }), options), false);
    const imported = task({ task_type: 'IMPORT', metadata: { start_time: '2026-11-25T00:00:00Z', end_time: '2026-11-26T00:00:00Z', file_size_bytes: 1 } });
    assert.equal(buildTaskView(imported, { ...options, scheduleId: 'schtask_1' }).exportInfo, undefined);
  });

  it('shows a failed export’s cause, with the server’s whole text beside it, instead of a table of entries', () => {
    const failed = buildTaskView(exported({ task_status: 'FAILED', error_summary: `  ${WRAPPED}  ` }), options);
    assert.deepEqual(failed.errors, { entries: [], note: undefined, cause: { text: 'failed to upload to s3: AccessDenied: Access Denied', full: WRAPPED } });
    const bare = buildTaskView(exported({ task_status: 'FAILED', error_summary: 'no rows to export' }), options);
    assert.deepEqual(bare.errors.cause, { text: 'no rows to export' });
  });

  it('keeps the note of a failed export without a summary, and imports’ entries as they were', () => {
    assert.match(buildTaskView(exported({ task_status: 'FAILED', error_summary: null }), options).errors.note ?? '', /failed without an error summary/);
    const imported = buildTaskView(task({ task_type: 'IMPORT', task_status: 'FAILED', error_summary: WRAPPED }), options);
    assert.equal(imported.errors.cause, undefined);
    assert.deepEqual(imported.errors.entries.map((entry) => entry.text), [WRAPPED]);
  });

  it('carries hostile server text unchanged, as data for textContent', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const view = buildTaskView(exported({ task_status: 'FAILED', error_summary: `activity error (type: X): ${hostile} (type: wrapError)` }), options);
    assert.equal(view.errors.cause?.text, hostile);
  });
});

describe('taskTitle', () => {
  it('uses the file name, else a short form of the ID', () => {
    assert.equal(taskTitle({ id: 'task_01JQ7B2C3D4E5F6G7H8J9K0M1N', file_name: 'a.csv' }), 'a.csv');
    assert.equal(taskTitle({ id: 'task_01JQ7B2C3D4E5F6G7H8J9K0M1N', file_name: undefined }), 'Task …7H8J9K0M1N');
    assert.equal(taskTitle({ id: 'task_short', file_name: '  ' }), 'Task task_short');
  });
});
