import * as assert from 'node:assert/strict';
import { TaskSchema, type Task } from '../../../src/api/taskSchema';
import { hasChanged } from '../../../src/polling/taskChanges';

const read = (patch: Partial<Task> = {}): Task => ({
  id: 'task_01',
  task_type: 'IMPORT',
  entity_type: 'EVENTS',
  task_status: 'PROCESSING',
  processed_records: 0,
  created_at: '2026-03-01T11:57:00Z',
  metadata: { source: 'upload' },
  ...patch,
});

/** A value of the field's kind, different for `which` 0 and 1. */
function valueOf(field: string, which: number): unknown {
  if (field === 'metadata') return { which };
  if (field.endsWith('_records')) return which + 1;
  return `value-${which}`;
}

describe('task changes', () => {
  it('sees a change in every field of the schema but the ID', () => {
    const fields = Object.keys(TaskSchema.shape).filter((field) => field !== 'id');
    for (const field of fields) {
      const before = read({ [field]: valueOf(field, 0) });
      const after = read({ [field]: valueOf(field, 1) });
      assert.equal(hasChanged(before, after), true, field);
      assert.equal(hasChanged(before, read({ [field]: valueOf(field, 0) })), false, field);
    }
  });

  it('treats a missing field like an undefined one, and compares metadata by content', () => {
    const { error_summary: _, ...withoutSummary } = read({ error_summary: undefined });
    assert.equal(hasChanged(read({ error_summary: undefined }), withoutSummary), false);
    assert.equal(hasChanged(read({ metadata: { a: 1 } }), read({ metadata: { a: 1 } })), false);
    assert.equal(hasChanged(read({ metadata: { a: 1 } }), read({ metadata: { a: 2 } })), true);
    assert.equal(hasChanged(read({ metadata: { a: 1 } }), read({ metadata: undefined })), true);
  });
});
