import * as assert from 'node:assert/strict';
import { exportFailureCause } from '../../../src/api/exportFailure';

const ACTIVITY = 'activity error (type: ExportData, scheduledEventID: 11, startedEventID: 12, identity: 1@worker@)';
const TRAILER = '(type: wrapError, retryable: true)';

describe('exportFailureCause', () => {
  it('takes the job’s error out of the workflow engine’s wrapping', () => {
    assert.deepEqual(exportFailureCause(`${ACTIVITY}: failed to upload to s3: AccessDenied: Access Denied ${TRAILER}`), {
      cause: 'failed to upload to s3: AccessDenied: Access Denied',
      wrapped: true,
    });
  });

  it('takes the innermost cause of nested wrapping', () => {
    const nested = `workflow execution error (type: ExportWorkflow, workflowID: wf_1, runID: run_1): ${ACTIVITY}: outer failure (type: A, retryable: false): failed to query clickhouse: timeout ${TRAILER}`;
    assert.deepEqual(exportFailureCause(nested), { cause: 'failed to query clickhouse: timeout', wrapped: true });
  });

  it('keeps a cause whole where it holds "): " of its own, outside a (type: …) group', () => {
    assert.deepEqual(exportFailureCause(`${ACTIVITY}: failed to list (bucket acme-exports): NoSuchBucket ${TRAILER}`), {
      cause: 'failed to list (bucket acme-exports): NoSuchBucket',
      wrapped: true,
    });
  });

  it('takes a wrapped cause with no trailing group, and a bare cause with one', () => {
    assert.deepEqual(exportFailureCause(`${ACTIVITY}: no rows to export`), { cause: 'no rows to export', wrapped: true });
    assert.deepEqual(exportFailureCause(`connection refused ${TRAILER}`), { cause: 'connection refused', wrapped: true });
  });

  it('gives unwrapped text as it is', () => {
    assert.deepEqual(exportFailureCause('  failed to upload to s3: AccessDenied  '), { cause: 'failed to upload to s3: AccessDenied', wrapped: false });
    assert.deepEqual(exportFailureCause('failed (code 3): denied (see logs)'), { cause: 'failed (code 3): denied (see logs)', wrapped: false });
  });

  it('gives the whole text when the wrapping holds no cause', () => {
    assert.deepEqual(exportFailureCause(`${ACTIVITY}: `), { cause: `${ACTIVITY}:`, wrapped: false });
    assert.deepEqual(exportFailureCause(`${ACTIVITY}: ${TRAILER}`), { cause: `${ACTIVITY}: ${TRAILER}`, wrapped: false });
  });

  it('is unknown for no summary or a blank one', () => {
    assert.equal(exportFailureCause(undefined), undefined);
    assert.equal(exportFailureCause(''), undefined);
    assert.equal(exportFailureCause(' \n\t '), undefined);
  });

  it('reads multi-megabyte and hostile summaries in linear time', () => {
    const inputs = [
      `${ACTIVITY}: ${'x'.repeat(4_000_000)} ${TRAILER}`,
      '(type: ): '.repeat(400_000),
      '('.repeat(2_000_000) + '): '.repeat(1_000_000),
      `${'(type: a)'.repeat(300_000)}`,
      `${'(type: '.repeat(500_000)})`,
      `x ${'(type: a) '.repeat(300_000)}`,
      ' '.repeat(4_000_000),
    ];
    for (const input of inputs) {
      const started = performance.now();
      exportFailureCause(input);
      const ms = performance.now() - started;
      assert.ok(ms < 1000, `${input.slice(0, 20)}… took ${Math.round(ms)} ms`);
    }
    const huge = exportFailureCause(`${ACTIVITY}: ${'x'.repeat(4_000_000)} ${TRAILER}`);
    assert.equal(huge?.cause.length, 4_000_000);
  });
});
