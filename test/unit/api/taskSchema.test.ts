import * as assert from 'node:assert/strict';
import {
  DownloadLinkSchema,
  KNOWN_ENTITY_TYPES,
  KNOWN_TASK_STATUSES,
  TaskListSchema,
  TaskSchema,
  isSettled,
  isStale,
  isTerminalStatus,
  parseTaskDate,
} from '../../../src/api/taskSchema';
import { bareTask, completedExport, failedImport, processingImport } from './sampleTasks';

describe('TaskSchema', () => {
  it('reads a running import, turning nulls into missing fields', () => {
    const task = TaskSchema.parse(processingImport);
    assert.equal(task.id, processingImport.id);
    assert.equal(task.task_status, 'PROCESSING');
    assert.equal(task.file_name, 'events-2024-05.csv');
    assert.equal(task.processed_records, 0);
    assert.equal(task.total_records, undefined);
    assert.equal(task.error_summary, undefined);
    assert.equal(task.metadata, undefined);
    assert.equal(task.completed_at, undefined);
    assert.equal(task.started_at, '2024-05-01T10:00:01.123456789Z', 'timestamps are kept as sent');
    assert.ok(!Object.values(task).some((value) => value === null), 'no field is null after parsing');
  });

  it('reads a finished export with its s3:// file, open entity type and metadata', () => {
    const task = TaskSchema.parse(completedExport);
    assert.equal(task.entity_type, 'credit_topups');
    assert.equal(task.file_url, 's3://flexprice-exports/tenant/credit_topups-2024-05.csv.gz');
    assert.equal(task.file_name, undefined);
    assert.deepEqual(task.metadata, completedExport.metadata);
    assert.equal(task.total_records, 1200);
  });

  it('reads a failed import with its error summary', () => {
    const task = TaskSchema.parse(failedImport);
    assert.equal(task.task_status, 'FAILED');
    assert.equal(task.failed_records, 3);
    assert.match(task.error_summary ?? '', /^Record 3: .*; Chunk 2: timeout$/);
  });

  it('accepts a task with nothing but an id', () => {
    assert.equal(TaskSchema.parse(bareTask).id, 'wf_8c1d2e');
    assert.equal(TaskSchema.parse(bareTask).task_status, undefined);
    assert.equal(TaskSchema.parse({ ...bareTask, task_status: null }).task_status, undefined);
  });

  it('keeps unknown enum values as they are', () => {
    const task = TaskSchema.parse({ ...bareTask, task_status: 'QUEUED', task_type: 'SYNC', file_type: 'PARQUET', entity_type: 'usage_v2' });
    assert.equal(task.task_status, 'QUEUED');
    assert.equal(task.task_type, 'SYNC');
    assert.equal(task.file_type, 'PARQUET');
    assert.equal(task.entity_type, 'usage_v2');
  });

  it('accepts and drops unknown extra fields', () => {
    const task = TaskSchema.parse({ ...processingImport, workflow_id: 'wf_1', brand_new_field: { a: 1 } });
    assert.equal(task.id, processingImport.id);
    assert.ok(!('brand_new_field' in task));
  });

  it('keeps an empty file_url as the server sent it', () => {
    assert.equal(TaskSchema.parse({ ...bareTask, file_url: '' }).file_url, '');
  });

  it('refuses a missing, empty or non-string id', () => {
    for (const id of [undefined, '', 42, null]) {
      assert.equal(TaskSchema.safeParse({ ...processingImport, id }).success, false, `id ${String(id)}`);
    }
  });

  it('refuses counts that are not integers', () => {
    assert.equal(TaskSchema.safeParse({ ...bareTask, failed_records: 1.5 }).success, false);
    assert.equal(TaskSchema.safeParse({ ...bareTask, failed_records: '3' }).success, false);
  });

  it('publishes the known values for UIs', () => {
    assert.deepEqual([...KNOWN_TASK_STATUSES], ['PENDING', 'PROCESSING', 'COMPLETED', 'FAILED']);
    assert.ok((KNOWN_ENTITY_TYPES as readonly string[]).includes('credit_topups'));
  });
});

describe('TaskListSchema', () => {
  it('reads items and pagination', () => {
    const list = TaskListSchema.parse({ items: [processingImport, completedExport], pagination: { total: 12, limit: 2, offset: 4 } });
    assert.deepEqual(list.items.map((task) => task.id), [processingImport.id, completedExport.id]);
    assert.deepEqual(list.pagination, { total: 12, limit: 2, offset: 4 });
  });

  it('reads items: null as an empty list', () => {
    assert.deepEqual(TaskListSchema.parse({ items: null, pagination: { total: 0, limit: 50, offset: 0 } }).items, []);
  });

  it('derives pagination when it is missing or partly null', () => {
    assert.deepEqual(TaskListSchema.parse({ items: [bareTask] }).pagination, { total: 1, limit: 1, offset: 0 });
    assert.deepEqual(TaskListSchema.parse({ items: [bareTask], pagination: { total: null, limit: 50, offset: 10 } }).pagination, {
      total: 11,
      limit: 50,
      offset: 10,
    });
  });

  it('sets an item it cannot read aside, with its id when it has a usable one', () => {
    const list = TaskListSchema.parse({ items: [processingImport, { task_status: 'PENDING' }, { id: 'task_2', metadata: 'none' }, 'task_3'] });
    assert.deepEqual(list.items.map((task) => task.id), [processingImport.id]);
    assert.deepEqual(list.unreadable, [
      { problem: 'id: expected string', raw: { task_status: 'PENDING' } },
      { id: 'task_2', problem: 'metadata: expected object', raw: { id: 'task_2', metadata: 'none' } },
      { problem: 'the item: expected object', raw: 'task_3' },
    ]);
  });

  it('reads a list with nothing wrong as having no unreadable items', () => {
    assert.deepEqual(TaskListSchema.parse({ items: [bareTask] }).unreadable, []);
  });

  it('refuses a list whose items are not an array', () => {
    for (const items of [{}, 'x', 3]) assert.equal(TaskListSchema.safeParse({ items }).success, false, JSON.stringify(items));
  });
});

describe('DownloadLinkSchema', () => {
  it('takes an https link and refuses other schemes', () => {
    assert.equal(DownloadLinkSchema.parse({ download_url: 'https://bucket.s3.amazonaws.com/x.csv?X-Amz-Signature=abc' }).download_url.startsWith('https://'), true);
    for (const download_url of ['s3://bucket/x.csv', 'javascript:alert(1)', '', 'https://']) {
      assert.equal(DownloadLinkSchema.safeParse({ download_url }).success, false, download_url);
    }
  });
});

describe('parseTaskDate', () => {
  it('reads RFC 3339 with and without fractional seconds and offsets', () => {
    assert.equal(parseTaskDate('2024-05-01T10:00:00Z')?.toISOString(), '2024-05-01T10:00:00.000Z');
    assert.equal(parseTaskDate('2024-05-01T10:00:01.123456789Z')?.toISOString(), '2024-05-01T10:00:01.123Z');
    assert.equal(parseTaskDate('2024-05-01T11:00:09.5+00:00')?.toISOString(), '2024-05-01T11:00:09.500Z');
    assert.equal(parseTaskDate('2024-05-01T15:30:00+05:30')?.toISOString(), '2024-05-01T10:00:00.000Z');
    assert.equal(parseTaskDate('2024-05-01T10:00:00.1-0200')?.toISOString(), '2024-05-01T12:00:00.100Z');
    assert.equal(parseTaskDate('2024-02-29T00:00:00Z')?.toISOString(), '2024-02-29T00:00:00.000Z', 'leap day');
  });

  it('gives undefined for anything unreadable, without throwing', () => {
    for (const value of ['', 'yesterday', '2024-13-45T99:00:00Z', '2024-02-30T10:00:00Z', '2024-05-01T25:00:00Z', '0001-01-01', '2024-05-01T10:00:00', null, undefined, 42 as unknown as string]) {
      assert.equal(parseTaskDate(value), undefined, String(value));
    }
  });
});

describe('isTerminalStatus and isSettled', () => {
  const now = Date.parse('2024-05-01T12:00:00Z');
  const failedAt = (iso: string) => TaskSchema.parse({ ...failedImport, failed_at: iso, updated_at: iso });

  it('counts only COMPLETED as terminal', () => {
    assert.equal(isTerminalStatus('COMPLETED'), true);
    for (const status of ['FAILED', 'PENDING', 'PROCESSING', 'QUEUED', undefined]) assert.equal(isTerminalStatus(status), false);
  });

  it('settles COMPLETED at once and never PENDING or PROCESSING', () => {
    assert.equal(isSettled(TaskSchema.parse(completedExport), now), true);
    for (const task_status of ['PENDING', 'PROCESSING']) {
      assert.equal(isSettled(TaskSchema.parse({ ...processingImport, task_status, updated_at: '2020-01-01T00:00:00Z' }), now), false, task_status);
    }
  });

  it('settles a FAILED export at once: exports are never retried (no FAILED → PROCESSING), only imports are', () => {
    const failedExport = TaskSchema.parse({ ...completedExport, task_status: 'FAILED', failed_at: '2024-05-01T11:59:50Z', updated_at: '2024-05-01T11:59:50Z' });
    assert.equal(isSettled(failedExport, now), true, 'failed 10 s ago, and final');
    assert.equal(isSettled(failedAt('2024-05-01T11:59:50Z'), now), false, 'a FAILED import 10 s ago may come back');
  });

  it('settles an unknown status, like FAILED, once its last change is older than the retry window', () => {
    const unknown = (iso: string) => TaskSchema.parse({ ...processingImport, task_status: 'CANCELLED', updated_at: iso });
    assert.equal(isSettled(unknown('2024-05-01T11:58:00Z'), now), false, 'changed 2 minutes ago');
    assert.equal(isSettled(unknown('2024-05-01T11:50:00Z'), now), true, 'changed 10 minutes ago');
  });

  it('calls a running task stale after an hour without any change, and only a running one', () => {
    const running = (iso: string, task_status = 'PROCESSING') => TaskSchema.parse({ ...processingImport, task_status, created_at: iso, updated_at: iso });
    assert.equal(isStale(running('2024-05-01T09:00:00Z'), now), true, 'no update for 3 h');
    assert.equal(isStale(running('2024-05-01T09:00:00Z', 'PENDING'), now), true);
    assert.equal(isStale(running('2024-05-01T11:30:00Z'), now), false, '30 minutes is not stale');
    assert.equal(isStale(running('2024-05-01T09:00:00Z', 'FAILED'), now), false);
    assert.equal(isStale(TaskSchema.parse({ ...processingImport, created_at: null, updated_at: null }), now), false, 'no time, no verdict');
  });

  it('settles FAILED only once its last change is older than the retry window', () => {
    assert.equal(isSettled(failedAt('2024-05-01T11:58:00Z'), now), false, 'failed 2 minutes ago: may be retried');
    assert.equal(isSettled(failedAt('2024-05-01T11:50:00Z'), now), true, 'failed 10 minutes ago');
    assert.equal(isSettled(failedAt('2024-05-01T11:58:00Z'), new Date(now), 60_000), true, 'custom window');
  });

  it('uses the later of failed_at and updated_at', () => {
    const retried = TaskSchema.parse({ ...failedImport, failed_at: '2024-05-01T11:00:00Z', updated_at: '2024-05-01T11:59:00Z' });
    assert.equal(isSettled(retried, now), false);
  });

  it('settles a FAILED task with no readable time', () => {
    assert.equal(isSettled(TaskSchema.parse({ id: 'x', task_status: 'FAILED', updated_at: 'garbage' }), now), true);
  });
});
