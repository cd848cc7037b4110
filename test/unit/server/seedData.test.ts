import * as assert from 'node:assert/strict';
import { FIXTURE_IDS, startFlexpriceServer } from '../../server/flexpriceServer';
import { fakeClock } from './serverHttp';

const entries = (summary: string | null) => (summary ? summary.split('; ') : []);

describe('local Flexprice server: seed data', () => {
  const clock = fakeClock('2026-05-05T05:05:05Z');

  it('is identical for the same seed and clock, and differs for another seed', async () => {
    const a = await startFlexpriceServer({ clock: clock.now, seed: 7 });
    const b = await startFlexpriceServer({ clock: clock.now, seed: 7 });
    const c = await startFlexpriceServer({ clock: clock.now, seed: 8 });
    try {
      assert.equal(a.store.size, 40);
      assert.deepEqual(a.store.all(), b.store.all());
      assert.notDeepEqual(a.store.all(), c.store.all());
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it('can start empty', async () => {
    const server = await startFlexpriceServer({ seedTasks: false });
    try {
      assert.equal(server.store.size, 0);
    } finally {
      await server.close();
    }
  });

  describe('fixtures', () => {
    let get: (id: string) => NonNullable<ReturnType<import('../../server/taskStore').TaskStore['get']>>;
    let close: () => Promise<void>;
    before(async () => {
      const server = await startFlexpriceServer({ clock: clock.now });
      close = server.close;
      get = (id) => {
        const task = server.store.get(id);
        assert.ok(task, id);
        return task;
      };
    });
    after(() => close());

    it('has every fixture id with a ULID-like or workflow id', () => {
      for (const [name, id] of Object.entries(FIXTURE_IDS)) {
        const task = get(id);
        if (name !== 'workflowRun') assert.match(task.id, /^task_[0-9A-HJKMNP-TV-Z]{26}$/);
      }
      assert.doesNotMatch(FIXTURE_IDS.workflowRun, /^task_/);
    });

    it('completed imports: counts set, total_records null, summaries in backend form', () => {
      const clean = get(FIXTURE_IDS.completedImport);
      assert.equal(clean.task_status, 'COMPLETED');
      assert.equal(clean.total_records, null);
      assert.equal(clean.failed_records, 0);
      assert.equal(clean.error_summary, null);
      assert.ok(clean.processed_records > 0 && clean.completed_at);

      const withErrors = get(FIXTURE_IDS.completedWithErrors);
      assert.equal(withErrors.task_status, 'COMPLETED');
      assert.ok(withErrors.failed_records > 0);
      const parts = entries(withErrors.error_summary);
      assert.ok(parts.length >= 100, `hundreds of entries, got ${parts.length}`);
      assert.ok(parts.every((entry) => /^(Record \d+: |Chunk \d+: |CSV read error: )/.test(entry)));
      assert.ok(parts.every((entry) => !/^Record (\d+):/.test(entry) || Number(/^Record (\d+):/.exec(entry)![1]) < 1000));

      assert.equal(entries(get(FIXTURE_IDS.thousandErrors).error_summary).length, 1000);
    });

    it('failures: FAILED with null or textual summary', () => {
      const failed = get(FIXTURE_IDS.failedNoSummary);
      assert.equal(failed.task_status, 'FAILED');
      assert.equal(failed.error_summary, null);
      assert.ok(failed.failed_at);
      assert.equal(typeof get(FIXTURE_IDS.failedWithSummary).error_summary, 'string');
      assert.equal(typeof get(FIXTURE_IDS.failedExport).error_summary, 'string');
    });

    it('in-flight tasks have zero counts', () => {
      for (const id of [FIXTURE_IDS.processingImport, FIXTURE_IDS.processingExport]) {
        const task = get(id);
        assert.equal(task.task_status, 'PROCESSING');
        assert.ok(task.started_at);
        assert.equal(task.processed_records + task.successful_records + task.failed_records, 0);
      }
      assert.equal(get(FIXTURE_IDS.pendingImport).started_at, null);
      assert.equal(get(FIXTURE_IDS.pendingExport).task_status, 'PENDING');
    });

    it('exports: lowercase entity types, s3 URLs, interval metadata', () => {
      const csv = get(FIXTURE_IDS.completedExportS3);
      assert.match(csv.file_url, /^s3:\/\/flexprice-exports\/.+\.csv$/);
      assert.equal(csv.entity_type, 'invoice');
      const meta = csv.metadata as Record<string, unknown>;
      for (const key of ['start_time', 'end_time', 'completed_at']) assert.equal(typeof meta[key], 'string', key);
      assert.equal(typeof meta.file_size_bytes, 'number');
      assert.match(get(FIXTURE_IDS.completedExportGz).file_url, /^s3:\/\/.+\.csv\.gz$/);
      const running = get(FIXTURE_IDS.processingExport);
      assert.equal(running.file_url, '');
      assert.deepEqual(Object.keys(running.metadata ?? {}).sort(), ['end_time', 'start_time']);
    });

    it('the hostile task carries markup in file_name, file_url and error_summary', () => {
      const task = get(FIXTURE_IDS.hostile);
      assert.ok(task.file_name?.includes('<img src=x onerror=alert(1)>'));
      assert.ok(task.error_summary?.includes('<script>'));
      assert.match(task.file_url, /^javascript:/);
    });
  });
});
