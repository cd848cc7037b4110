import { fireTimesBetween } from './exportCadence';
import { Prng } from './prng';
import type { ScheduleJobConfig, ServerSchedule } from './scheduleRecord';
import type { ScheduledExports } from './scheduledExports';
import type { ScheduleStore } from './scheduleStore';
import { rfc3339 } from './timestamps';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface ScheduleTemplate {
  entity_type: string;
  interval: string;
  compression: 'none' | 'gzip';
  state: 'enabled' | 'paused' | 'deleted';
  connection: 0 | 1;
  extra?: Partial<ScheduleJobConfig>;
}

/**
 * The first six cover every case a view must show: both compressions, every interval people
 * use, one paused, one deleted (still listed), one S3-compatible endpoint with metadata columns.
 * Past six, enabled schedules of the same kinds repeat, each to its own bucket.
 */
const TEMPLATES: readonly ScheduleTemplate[] = [
  { entity_type: 'credit_usage', interval: 'daily', compression: 'gzip', state: 'enabled', connection: 0 },
  { entity_type: 'events', interval: 'hourly', compression: 'none', state: 'enabled', connection: 0 },
  { entity_type: 'invoice', interval: 'daily', compression: 'none', state: 'paused', connection: 1 },
  { entity_type: 'credit_topups', interval: '30MIN', compression: 'none', state: 'deleted', connection: 1 },
  { entity_type: 'usage_analytics', interval: '15MIN', compression: 'gzip', state: 'enabled', connection: 0, extra: { encryption: 'aws:kms' } },
  {
    entity_type: 'credit_usage', interval: 'hourly', compression: 'gzip', state: 'enabled', connection: 1,
    extra: {
      endpoint_url: 'https://s3.eu-central-1.wasabisys.com',
      use_path_style: true,
      export_metadata_fields: [{ entity_type: 'customer', field_key: 'region', column_name: 'Region' }, { entity_type: 'wallet', field_key: 'cost_center', column_name: 'cost_center' }],
    },
  },
];

const REPEATED = [0, 1, 4, 5] as const;
const BUCKETS = ['acme-billing-exports', 'acme-finance-archive'] as const;
const REGIONS = ['us-east-1', 'eu-central-1'] as const;

/**
 * Seeds `count` schedules over two S3 connections and, with `history`, each with its last
 * few scheduled runs (some failed) and one earlier "run now". Same seed and clock → same rows.
 */
export function seedSchedules(exports: ScheduledExports, seed: number, now: number, count: number, history: boolean): void {
  if (count <= 0) return;
  const schedules = exports.schedules;
  const random = Prng.derive(seed, 'seed-schedules');
  const connections = [
    schedules.addConnection({ id: `conn_01JQ7${connectionSuffix(random)}`, name: 'Data lake (S3)' }),
    schedules.addConnection({ id: `conn_01JQ7${connectionSuffix(random)}`, name: 'Finance archive (S3)' }),
  ];
  for (let index = 0; index < count; index++) {
    const template = index < TEMPLATES.length ? TEMPLATES[index] : TEMPLATES[REPEATED[index % REPEATED.length]];
    const schedule = addSchedule(schedules, random, now, index, template, connections[template.connection].id);
    if (history) addHistory(exports, schedule, random, now, index);
  }
}

function addSchedule(schedules: ScheduleStore, random: Prng, now: number, index: number, template: ScheduleTemplate, connectionId: string): ServerSchedule {
  const createdMs = now - random.int(20, 90) * DAY - random.int(0, DAY);
  const changedMs = now - random.int(2, 6) * DAY;
  const createdAt = rfc3339(createdMs, random.int(1, 999));
  const bucket = index < TEMPLATES.length ? BUCKETS[template.connection] : `${BUCKETS[template.connection]}-${index}`;
  return schedules.add({
    connection_id: connectionId,
    entity_type: template.entity_type,
    interval: template.interval,
    enabled: template.state === 'enabled',
    job_config: {
      bucket,
      region: REGIONS[template.connection],
      key_prefix: template.connection === 0 ? 'flexprice/exports' : 'billing',
      compression: template.compression,
      encryption: 'AES256',
      ...template.extra,
    },
    status: template.state === 'deleted' ? 'deleted' : 'published',
    created_at: createdAt,
    updated_at: template.state === 'enabled' ? createdAt : rfc3339(changedMs, random.int(1, 999)),
  });
}

/** The last 3–6 scheduled runs before the schedule stopped (or now), the second newest failing on every other schedule, and one "run now". */
function addHistory(exports: ScheduledExports, schedule: ServerSchedule, random: Prng, now: number, index: number): void {
  const cadence = exports.cadenceOf(schedule);
  const activeUntil = schedule.enabled ? now : Date.parse(schedule.updated_at);
  const runs = random.int(3, 6);
  const fires = fireTimesBetween(cadence, Math.max(Date.parse(schedule.created_at), activeUntil - (runs + 1) * cadence.periodMs), activeUntil, runs);
  fires.forEach((fireMs, position) => {
    const fromNewest = fires.length - 1 - position;
    const failureRate = fromNewest === 1 ? (index % 2 === 0 ? 1 : 0) : fromNewest === 0 ? exports.durations.failureRate : 0.1;
    exports.startScheduledRun(schedule.id, fireMs, { ...exports.durations, failureRate });
  });
  // Someone pressed "Run now" between two runs, a couple of intervals back.
  const requestedAt = activeUntil - random.int(2, 3) * cadence.periodMs + Math.floor(random.next() * cadence.periodMs * 0.8);
  if (requestedAt > Date.parse(schedule.created_at)) exports.startPastForceRun(schedule.id, requestedAt, undefined, { ...exports.durations, failureRate: 0 });
}

function connectionSuffix(random: Prng): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let text = '';
  for (let i = 0; i < 21; i++) text += alphabet[random.int(0, 31)];
  return text;
}
