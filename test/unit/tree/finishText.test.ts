import * as assert from 'node:assert/strict';
import { TaskSchema } from '../../../src/api/taskSchema';
import { finishSubject, firstError } from '../../../src/tree/finishText';

const exportTask = (fields: Record<string, unknown>) =>
  TaskSchema.parse({
    id: 'task_01JQ7B5K8M2N4P6R8T0V2X4Z6A',
    task_type: 'EXPORT',
    entity_type: 'credit_usage',
    metadata: { start_time: '2026-11-30T00:00:00Z', end_time: '2026-12-01T00:00:00Z' },
    ...fields,
  });

describe('finish notification text', () => {
  it('names an export by what it holds, as its row does', () => {
    assert.match(finishSubject(exportTask({})), /^export of credit_usage · Nov 30 → Dec 1/);
    assert.equal(finishSubject(exportTask({ metadata: null })), 'export of credit_usage task_01JQ7B5K8M2N4P6R8T0V2X4Z6A');
    assert.equal(finishSubject(TaskSchema.parse({ id: 'task_1', task_type: 'IMPORT', file_name: 'customers.csv' })), 'import of customers.csv');
  });

  it('gives a failed export\'s cause, not the workflow engine\'s wrapping', () => {
    const failed = exportTask({
      task_status: 'FAILED',
      error_summary:
        'activity error (type: ExportData, scheduledEventID: 11, startedEventID: 12, identity: 1@worker@): failed to upload to s3: AccessDenied: Access Denied (type: wrapError, retryable: true)',
    });
    assert.equal(firstError(failed), ' failed to upload to s3: AccessDenied: Access Denied');
  });

  it('gives an import\'s first entry, cut to one line\'s worth', () => {
    const failed = TaskSchema.parse({ id: 'task_1', task_type: 'IMPORT', error_summary: `Record 3: ${'x'.repeat(400)}; Record 4: other` });
    const text = firstError(failed);
    assert.ok(text.startsWith(' Record 3: xxx'));
    assert.ok(text.endsWith('…') && text.length <= 162, `${text.length} characters`);
    assert.equal(firstError(TaskSchema.parse({ id: 'task_1', task_type: 'IMPORT' })), '');
  });
});
