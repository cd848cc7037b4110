import * as assert from 'node:assert/strict';
import { exportDataInterval, exportFileSize } from '../../../src/api/exportMetadata';
import { TaskSchema } from '../../../src/api/taskSchema';
import { completedExport } from './sampleTasks';

const withMetadata = (metadata: Record<string, unknown> | undefined) => ({ metadata });
const iso = (interval: { start: Date; end: Date } | undefined) => interval && [interval.start.toISOString(), interval.end.toISOString()];

describe('exportDataInterval', () => {
  it('reads start_time and end_time of an export as sent', () => {
    assert.deepEqual(iso(exportDataInterval(TaskSchema.parse(completedExport))), ['2024-04-01T00:00:00.000Z', '2024-05-01T00:00:00.000Z']);
    assert.deepEqual(iso(exportDataInterval(withMetadata({ start_time: '2026-11-30T10:15:00.123456789+01:00', end_time: ' 2026-11-30T11:15:00Z ' }))), [
      '2026-11-30T09:15:00.123Z',
      '2026-11-30T11:15:00.000Z',
    ]);
  });

  it('is unknown when a bound is missing, not text, not a real time, or before the start', () => {
    const cases: (Record<string, unknown> | undefined)[] = [
      undefined,
      {},
      { start_time: '2026-11-30T00:00:00Z' },
      { start_time: '2026-11-30T00:00:00Z', end_time: null },
      { start_time: 1764460800000, end_time: 1764547200000 },
      { start_time: '2026-02-30T00:00:00Z', end_time: '2026-03-01T00:00:00Z' },
      { start_time: 'yesterday', end_time: 'today' },
      { start_time: '2026-12-01T00:00:00Z', end_time: '2026-11-30T00:00:00Z' },
      { start_time: ['2026-11-30T00:00:00Z'], end_time: { at: '2026-12-01T00:00:00Z' } },
    ];
    for (const metadata of cases) assert.equal(exportDataInterval(withMetadata(metadata)), undefined, JSON.stringify(metadata));
  });
});

describe('exportFileSize', () => {
  it('reads file_size_bytes when it is a finite number of at least 0', () => {
    assert.equal(exportFileSize(TaskSchema.parse(completedExport)), 48213);
    assert.equal(exportFileSize(withMetadata({ file_size_bytes: 0 })), 0);
    for (const size of [undefined, null, '48213', -1, Number.NaN, Number.POSITIVE_INFINITY, { bytes: 1 }]) {
      assert.equal(exportFileSize(withMetadata({ file_size_bytes: size })), undefined, String(size));
    }
    assert.equal(exportFileSize(withMetadata(undefined)), undefined);
  });
});
