import { importErrorSummary } from './errorSummaries';
import { FIXTURE_IDS } from './fixtureIds';
import { Prng } from './prng';
import { completionPatch, failurePatch, newExport, newImport, processingPatch, stamp } from './taskFactory';
import type { ServerTask } from './taskRecord';
import type { TaskStore } from './taskStore';
import { rfc3339 } from './timestamps';

export { FIXTURE_IDS } from './fixtureIds';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Fills the store with the fixtures plus seeded filler up to `count` tasks in total
 * (fixtures are always added when count > 0). Same seed and clock → same tasks.
 */
export function seedTasks(store: TaskStore, seed: number, now: number, count: number): void {
  if (count <= 0) return;
  const random = Prng.derive(seed, 'seed-tasks');
  const fixtures = addFixtures(store, random, now);
  for (let i = fixtures; i < count; i++) addFiller(store, random, now);
}

type Lifecycle = 'PENDING' | 'PROCESSING' | 'COMPLETED' | 'FAILED';

interface FixtureSpec {
  id: string;
  kind: 'import' | 'export';
  entityType?: string;
  agoMs: number;
  lifecycle: Lifecycle;
  extra?: (task: ServerTask, random: Prng, createdMs: number) => Partial<ServerTask>;
}

function addFixtures(store: TaskStore, random: Prng, now: number): number {
  const specs: FixtureSpec[] = [
    { id: FIXTURE_IDS.completedImport, kind: 'import', entityType: 'EVENTS', agoMs: 3 * HOUR, lifecycle: 'COMPLETED',
      extra: (task, r, created) => ({ file_name: 'events-import.csv', file_type: 'CSV', ...completionPatch(r, task, created + 4 * MINUTE, { processedRecords: 12_480 }) }) },
    { id: FIXTURE_IDS.completedWithErrors, kind: 'import', entityType: 'CUSTOMERS', agoMs: 5 * HOUR, lifecycle: 'COMPLETED',
      extra: (task, r, created) => ({ file_type: 'CSV', file_name: 'customers-q4.csv',
        ...completionPatch(r, task, created + 2 * MINUTE, { processedRecords: 5_000, failedRecords: 312, summaryEntries: 312 }) }) },
    { id: FIXTURE_IDS.failedNoSummary, kind: 'import', entityType: 'PRICES', agoMs: 26 * HOUR, lifecycle: 'FAILED',
      extra: (task, r, created) => failurePatch(r, task, created + 40_000, false) },
    { id: FIXTURE_IDS.failedWithSummary, kind: 'import', entityType: 'FEATURES', agoMs: 30 * HOUR, lifecycle: 'FAILED',
      extra: (_task, _r, created) => ({ task_status: 'FAILED', failed_at: rfc3339(created + 15_000),
        error_summary: "CSV read error: missing required column 'lookup_key'" }) },
    { id: FIXTURE_IDS.processingImport, kind: 'import', entityType: 'EVENTS', agoMs: 4 * MINUTE, lifecycle: 'PROCESSING' },
    { id: FIXTURE_IDS.pendingImport, kind: 'import', entityType: 'FEATURES', agoMs: 1 * MINUTE, lifecycle: 'PENDING' },
    { id: FIXTURE_IDS.completedExportS3, kind: 'export', entityType: 'invoice', agoMs: 8 * HOUR, lifecycle: 'COMPLETED',
      extra: (task, r, created) => completionPatch(r, task, created + 90_000, { processedRecords: 240, gzip: false }) },
    { id: FIXTURE_IDS.completedExportGz, kind: 'export', entityType: 'events', agoMs: 9 * HOUR, lifecycle: 'COMPLETED',
      extra: (task, r, created) => completionPatch(r, task, created + 3 * MINUTE, { processedRecords: 1_200, gzip: true }) },
    { id: FIXTURE_IDS.processingExport, kind: 'export', entityType: 'usage_analytics', agoMs: 6 * MINUTE, lifecycle: 'PROCESSING' },
    { id: FIXTURE_IDS.pendingExport, kind: 'export', entityType: 'credit_usage', agoMs: 2 * MINUTE, lifecycle: 'PENDING' },
    { id: FIXTURE_IDS.failedExport, kind: 'export', entityType: 'credit_topups', agoMs: 2 * DAY, lifecycle: 'FAILED',
      extra: (task, r, created) => failurePatch(r, task, created + 70_000, true) },
    { id: FIXTURE_IDS.hostile, kind: 'import', entityType: 'EVENTS', agoMs: 7 * HOUR, lifecycle: 'COMPLETED',
      extra: (task, r, created) => ({
        ...completionPatch(r, task, created + MINUTE, { processedRecords: 10, failedRecords: 3 }),
        file_name: '<img src=x onerror=alert(1)>.csv',
        file_url: 'javascript:alert(document.domain)',
        created_by: '<b>mallory</b>',
        error_summary: "Record 0: <script>alert('xss')</script>; Record 1: <img src=x onerror=alert(1)>; " +
          'Record 2: invalid JSON in properties column: "}]</script><script>alert(2)</script>',
      }) },
    { id: FIXTURE_IDS.thousandErrors, kind: 'import', entityType: 'EVENTS', agoMs: 12 * HOUR, lifecycle: 'COMPLETED',
      extra: (task, r, created) => ({
        ...completionPatch(r, task, created + 6 * MINUTE, { processedRecords: 48_000, failedRecords: 2_347 }),
        error_summary: importErrorSummary(r, 1000),
      }) },
    { id: FIXTURE_IDS.workflowRun, kind: 'export', entityType: 'events', agoMs: 20 * HOUR, lifecycle: 'COMPLETED',
      extra: (task, r, created) => completionPatch(r, task, created + 2 * MINUTE, { processedRecords: 300, gzip: false }) },
  ];
  for (const spec of specs) {
    const createdMs = now - spec.agoMs;
    const base = spec.kind === 'import' ? newImport(random, createdMs, spec.entityType) : newExport(random, createdMs, spec.entityType);
    const task = store.add({ ...base, id: spec.id });
    const patch = spec.extra ? spec.extra(task, random, createdMs) : {};
    settle(store, random, task, createdMs, spec.lifecycle, patch);
  }
  return specs.length;
}

function addFiller(store: TaskStore, random: Prng, now: number): void {
  const roll = random.next();
  const lifecycle: Lifecycle = roll < 0.62 ? 'COMPLETED' : roll < 0.8 ? 'FAILED' : roll < 0.9 ? 'PROCESSING' : 'PENDING';
  // Only recent tasks can still be in flight.
  const agoMs = lifecycle === 'PENDING' || lifecycle === 'PROCESSING' ? random.int(10_000, 30 * MINUTE) : random.int(10 * MINUTE, 14 * DAY);
  const createdMs = now - agoMs;
  const base = random.chance(0.6) ? newImport(random, createdMs) : newExport(random, createdMs);
  const task = store.add(base);
  let patch: Partial<ServerTask> = {};
  const endMs = createdMs + random.int(20_000, Math.min(agoMs - 1_000, 20 * MINUTE));
  if (lifecycle === 'COMPLETED') {
    const withErrors = task.task_type === 'IMPORT' && random.chance(0.2);
    patch = completionPatch(random, task, endMs, withErrors ? { failedRecords: random.int(1, 600) } : {});
  } else if (lifecycle === 'FAILED') {
    patch = failurePatch(random, task, endMs);
  }
  settle(store, random, task, createdMs, lifecycle, patch);
}

/** Applies the start time and final patch, keeping updated_at on the last change. */
function settle(store: TaskStore, random: Prng, task: ServerTask, createdMs: number, lifecycle: Lifecycle, patch: Partial<ServerTask>): void {
  if (lifecycle === 'PENDING') return;
  const startedMs = createdMs + random.int(1_000, 8_000);
  const finishedAt = patch.completed_at ?? patch.failed_at ?? stamp(random, startedMs + random.int(1_000, 60_000));
  store.update(task.id, {
    ...processingPatch(startedMs),
    ...patch,
    task_status: lifecycle,
    updated_at: lifecycle === 'PROCESSING' ? rfc3339(startedMs) : finishedAt,
  });
}
