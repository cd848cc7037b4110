import * as assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import {
  PRODUCTION_API_KEY,
  SYSTEM_USER_ID,
  scheduledRunId,
  startFlexpriceServer,
  twoEnvironments,
  type LocalFlexpriceServer,
  type ServerOptions,
  type ServerSchedule,
  type ServerTask,
} from '../../server/flexpriceServer';
import { call, fakeClock } from './serverHttp';

interface Answer {
  status: number;
  text: string;
  body: Record<string, unknown>;
}

/** A real HTTP request with an optional raw body (`path` after the origin). */
async function send(server: LocalFlexpriceServer, method: string, path: string, body?: string, key: string = server.apiKey): Promise<Answer> {
  const headers: Record<string, string> = { 'x-api-key': key };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(server.origin + path, { method, headers, body });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Plain-text answers are checked through `text`.
  }
  return { status: response.status, text, body: parsed };
}

const SCHEDULE_KEYS = ['id', 'tenant_id', 'environment_id', 'connection_id', 'entity_type', 'interval', 'enabled', 'job_config', 'status', 'created_at', 'updated_at'];
const START = '2026-11-01T10:07:00Z';

type Clock = ReturnType<typeof fakeClock>;

async function startWithSchedules(clock: Clock, extra: Partial<ServerOptions> = {}): Promise<LocalFlexpriceServer> {
  return startFlexpriceServer({ clock: clock.now, seedTasks: 5, scheduledExports: { schedules: 6, failureRate: 0 }, ...extra });
}

function find(server: LocalFlexpriceServer, predicate: (schedule: ServerSchedule) => boolean): ServerSchedule {
  const schedule = server.schedules.all().find(predicate);
  assert.ok(schedule, 'seeded schedule exists');
  return schedule;
}

const gzipDaily = (schedule: ServerSchedule) => schedule.interval === 'daily' && schedule.enabled && schedule.job_config?.compression === 'gzip';
const plainHourly = (schedule: ServerSchedule) => schedule.interval === 'hourly' && schedule.entity_type === 'events';
const paused = (schedule: ServerSchedule) => !schedule.enabled && schedule.status === 'published';
const deleted = (schedule: ServerSchedule) => schedule.status === 'deleted';

describe('local Flexprice server: scheduled exports (list, get, update, delete)', () => {
  let clock: Clock;
  let server: LocalFlexpriceServer;

  beforeEach(async () => {
    clock = fakeClock(START);
    server = await startWithSchedules(clock);
  });
  afterEach(() => server.close());

  it('lists every schedule, deleted ones too, with total = page length and no limit echoed as 0', async () => {
    const res = await send(server, 'GET', '/v1/tasks/scheduled');
    assert.equal(res.status, 200, res.text);
    const items = res.body.items as Record<string, unknown>[];
    assert.equal(items.length, 6);
    assert.deepEqual(res.body.pagination, { total: 6, limit: 0, offset: 0 });
    assert.ok(items.some((item) => item.status === 'deleted'), 'the deleted row is listed');
    assert.ok(items.some((item) => item.enabled === false && item.status === 'published'), 'a paused one');
    const compressions = new Set(items.map((item) => (item.job_config as Record<string, unknown>).compression));
    assert.deepEqual([...compressions].sort(), ['gzip', 'none']);
    for (const item of items) {
      assert.deepEqual(Object.keys(item), SCHEDULE_KEYS);
      assert.match(item.id as string, /^schtask_[0-9A-HJKMNP-TV-Z]{26}$/);
      assert.deepEqual(Object.keys(item.job_config as object).slice(0, 2), ['bucket', 'region']);
    }
  });

  it('never sends the connection credentials, and omits empty job_config fields', async () => {
    const res = await send(server, 'GET', '/v1/tasks/scheduled');
    for (const schedule of server.schedules.all()) {
      const connection = server.schedules.connection(schedule.connection_id);
      assert.ok(connection, 'the connection holds credentials');
      assert.ok(!res.text.includes(connection.secret_access_key));
      assert.ok(!res.text.includes(connection.access_key_id));
    }
    const config = (id: string) => ((res.body.items as Record<string, unknown>[]).find((item) => item.id === id)!.job_config as Record<string, unknown>);
    const simple = config(find(server, plainHourly).id);
    assert.ok(!('endpoint_url' in simple) && !('use_path_style' in simple) && !('export_metadata_fields' in simple), JSON.stringify(simple));
    const custom = config(find(server, (schedule) => Boolean(schedule.job_config?.endpoint_url)).id);
    assert.equal(custom.use_path_style, true);
    assert.deepEqual(Object.keys(custom), ['bucket', 'region', 'key_prefix', 'compression', 'encryption', 'endpoint_url', 'use_path_style', 'export_metadata_fields']);
  });

  it('pages with limit and offset, total being the page length', async () => {
    const page = await send(server, 'GET', '/v1/tasks/scheduled?limit=2&offset=1');
    assert.equal((page.body.items as unknown[]).length, 2);
    assert.deepEqual(page.body.pagination, { total: 2, limit: 2, offset: 1 });
    const rest = await send(server, 'GET', '/v1/tasks/scheduled?offset=4');
    assert.equal((rest.body.items as unknown[]).length, 2);
    assert.deepEqual(rest.body.pagination, { total: 2, limit: 0, offset: 4 });
    const bad = await send(server, 'GET', '/v1/tasks/scheduled?limit=ten');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'validation_error');
  });

  it('filters by entity_type, interval, enabled and connection_id', async () => {
    const ids = async (query: string) => ((await send(server, 'GET', `/v1/tasks/scheduled?${query}`)).body.items as ServerSchedule[]).map((item) => item.id).sort();
    const expected = (predicate: (schedule: ServerSchedule) => boolean) => server.schedules.all().filter(predicate).map((schedule) => schedule.id).sort();
    assert.deepEqual(await ids('entity_type=credit_usage'), expected((schedule) => schedule.entity_type === 'credit_usage'));
    assert.equal((await ids('entity_type=credit_usage')).length, 2);
    assert.deepEqual(await ids('interval=daily'), expected((schedule) => schedule.interval === 'daily'));
    assert.deepEqual(await ids('enabled=false'), expected((schedule) => !schedule.enabled));
    assert.equal((await ids('enabled=false')).length, 2, 'the paused and the deleted one');
    assert.equal((await ids('enabled=yes')).length, 6, 'anything but true/false does not filter');
    const connection = server.schedules.all()[0].connection_id;
    assert.deepEqual(await ids(`connection_id=${connection}`), expected((schedule) => schedule.connection_id === connection));
    assert.deepEqual(await ids('entity_type=EVENTS'), [], 'exact, case-sensitive');
  });

  it('gets one schedule, and answers an unknown id with a JSON not_found', async () => {
    const schedule = server.schedules.all()[0];
    const one = await send(server, 'GET', `/v1/tasks/scheduled/${schedule.id}`);
    assert.equal(one.status, 200);
    assert.deepEqual(Object.keys(one.body), SCHEDULE_KEYS);
    assert.equal(one.body.id, schedule.id);
    const missing = await send(server, 'GET', '/v1/tasks/scheduled/schtask_01JQ7NOPE00000000000000000');
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, { code: 'not_found', message: 'Scheduled task with given ID not found', http_status_code: 404 });
  });

  it('is not swallowed by GET /tasks/{id}', async () => {
    const res = await send(server, 'GET', '/v1/tasks/scheduled');
    assert.ok(Array.isArray(res.body.items));
    assert.ok(!(res.body.items as Record<string, unknown>[]).some((item) => 'task_type' in item));
  });

  it('PUT changes only enabled, answers the schedule, and moves the row to the end of the list', async () => {
    const schedule = find(server, plainHourly);
    clock.advance(60_000);
    const res = await send(server, 'PUT', `/v1/tasks/scheduled/${schedule.id}`, JSON.stringify({ enabled: false, interval: 'daily', entity_type: 'invoice' }));
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.body), SCHEDULE_KEYS);
    assert.equal(res.body.enabled, false);
    assert.equal(res.body.interval, 'hourly');
    assert.equal(res.body.entity_type, 'events');
    assert.equal(res.body.updated_at, new Date(clock.now()).toISOString().replace('.000', ''));
    assert.equal(server.schedules.get(schedule.id)!.enabled, false);
    const listed = (await send(server, 'GET', '/v1/tasks/scheduled')).body.items as ServerSchedule[];
    assert.equal(listed[listed.length - 1].id, schedule.id, 'no ORDER BY: the written row comes last');

    clock.advance(60_000);
    const again = await send(server, 'PUT', `/v1/tasks/scheduled/${schedule.id}`, '{"enabled":false}');
    assert.equal(again.body.updated_at, res.body.updated_at, 'no change, no write');
    const resumed = await send(server, 'PUT', `/v1/tasks/scheduled/${schedule.id}`, '{"enabled":true}');
    assert.equal(resumed.body.enabled, true);
  });

  it('PUT refuses a body without a boolean enabled, and an unknown id', async () => {
    const id = server.schedules.all()[0].id;
    const cases: [string | undefined, string][] = [
      ['{}', 'Please provide enabled field (true or false)'],
      ['{"interval":"daily"}', 'Please provide enabled field (true or false)'],
      ['{"enabled":"false"}', 'Invalid request format'],
      ['{"enabled":tru', 'Invalid request format'],
      [undefined, 'Invalid request format'],
    ];
    for (const [body, message] of cases) {
      const res = await send(server, 'PUT', `/v1/tasks/scheduled/${id}`, body);
      assert.equal(res.status, 400, `${body}: ${res.text}`);
      assert.deepEqual(res.body, { code: 'validation_error', message, http_status_code: 400 });
    }
    const huge = await send(server, 'PUT', `/v1/tasks/scheduled/${id}`, JSON.stringify({ enabled: false, padding: 'x'.repeat(200_000) }));
    assert.equal(huge.status, 400, 'a body over the bound is not read');
    assert.equal(server.schedules.get(id)!.enabled, true);
    const missing = await send(server, 'PUT', '/v1/tasks/scheduled/schtask_nope', '{"enabled":true}');
    assert.equal(missing.status, 404);
  });

  it('DELETE answers 200 with a body; the row is then deleted, disabled and still listed', async () => {
    const schedule = find(server, plainHourly);
    const res = await send(server, 'DELETE', `/v1/tasks/scheduled/${schedule.id}`);
    assert.equal(res.status, 200);
    assert.equal(res.text, JSON.stringify({ id: schedule.id, message: 'Scheduled task archived successfully', status: 'archived' }));
    const after = await send(server, 'GET', `/v1/tasks/scheduled/${schedule.id}`);
    assert.equal(after.body.status, 'deleted');
    assert.equal(after.body.enabled, false);
    const listed = (await send(server, 'GET', '/v1/tasks/scheduled')).body.items as ServerSchedule[];
    assert.ok(listed.some((item) => item.id === schedule.id));
    assert.equal((await send(server, 'DELETE', `/v1/tasks/scheduled/${schedule.id}`)).status, 200, 'deleting again is 200 too');
    assert.equal((await send(server, 'DELETE', '/v1/tasks/scheduled/schtask_nope')).status, 404);
  });

  it('keeps the server quirks: auth, faults and unknown routes', async () => {
    assert.equal((await call(server, '/v1/tasks/scheduled', { key: null })).status, 401);
    assert.equal((await call(server, '/v1/tasks/scheduled', { key: 'wrong' })).status, 401);
    server.faults.set({ pathPrefix: '/v1/tasks/scheduled', serverError: { status: 503 }, times: 1 });
    assert.equal((await call(server, '/v1/tasks/scheduled')).status, 503);
    assert.equal((await call(server, '/v1/tasks/scheduled')).status, 200);
    const unknownRoute = await send(server, 'POST', `/v1/tasks/scheduled/${server.schedules.all()[0].id}/pause`);
    assert.equal(unknownRoute.status, 404);
    assert.equal(unknownRoute.body.message, 'Route not found');
  });
});

describe('local Flexprice server: run now', () => {
  let clock: Clock;
  let server: LocalFlexpriceServer;

  beforeEach(async () => {
    clock = fakeClock(START);
    server = await startWithSchedules(clock);
  });
  afterEach(() => server.close());

  it('answers at once; the task appears 3 s later and runs to a .csv.gz with its size', async () => {
    const schedule = find(server, gzipDaily);
    const res = await send(server, 'POST', `/v1/tasks/scheduled/${schedule.id}/run`);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.body), ['workflow_id', 'message', 'start_time', 'end_time', 'mode']);
    const id = res.body.workflow_id as string;
    assert.match(id, /^task_[0-9A-HJKMNP-TV-Z]{26}$/);
    assert.equal(res.body.message, 'Force run triggered successfully');
    assert.equal(res.body.mode, 'force run');
    // The current day, partly elapsed.
    assert.equal(res.body.start_time, '2026-11-01T00:00:00Z');
    assert.equal(res.body.end_time, '2026-11-02T00:00:00Z');

    assert.equal((await call(server, `/v1/tasks/${id}`)).status, 404);
    clock.advance(2_999);
    assert.equal((await call(server, `/v1/tasks/${id}`)).status, 404, 'not yet');
    clock.advance(1);
    const created = await call(server, `/v1/tasks/${id}`);
    assert.equal(created.status, 200);
    const task = created.json<ServerTask>();
    assert.equal(task.task_type, 'EXPORT');
    assert.equal(task.entity_type, schedule.entity_type);
    assert.equal(task.task_status, 'PENDING');
    assert.ok(task.started_at, 'exports are created with started_at set');
    assert.deepEqual(task.metadata, { end_time: '2026-11-02T00:00:00Z', start_time: '2026-11-01T00:00:00Z' });

    clock.advance(60_000);
    const done = (await call(server, `/v1/tasks/${id}`)).json<ServerTask>();
    assert.equal(done.task_status, 'COMPLETED');
    assert.match(done.file_url, /^s3:\/\/[^/]+\/.+\.csv\.gz$/);
    assert.ok(done.file_url.endsWith(`${schedule.entity_type}-261101000000-261102000000.csv.gz`), done.file_url);
    assert.equal(typeof done.metadata?.file_size_bytes, 'number');
    assert.ok((done.metadata?.file_size_bytes as number) > 0);
    assert.match(String(done.metadata?.completed_at), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(done.total_records, done.successful_records);

    const link = (await call(server, `/v1/tasks/${id}/download`)).json<{ download_url: string }>().download_url;
    const file = Buffer.from(await (await fetch(link)).arrayBuffer());
    assert.equal(file[0], 0x1f, 'gzip magic');
    assert.match(gunzipSync(file).toString('utf8').split('\n')[0], /customer_id/);
  });

  it('writes .csv for a schedule without compression, and uses the range given (mode custom)', async () => {
    const schedule = find(server, plainHourly);
    const range = { start_time: '2026-10-30T00:00:00Z', end_time: '2026-10-31T06:00:00Z' };
    const res = await send(server, 'POST', `/v1/tasks/scheduled/${schedule.id}/run`, JSON.stringify(range));
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.mode, 'custom');
    assert.equal(res.body.start_time, range.start_time);
    assert.equal(res.body.end_time, range.end_time);
    clock.advance(120_000);
    const done = (await call(server, `/v1/tasks/${res.body.workflow_id as string}`)).json<ServerTask>();
    assert.equal(done.task_status, 'COMPLETED');
    assert.match(done.file_url, /events-261030000000-261031060000\.csv$/);
    assert.equal(done.metadata?.start_time, range.start_time);
    assert.equal(done.metadata?.end_time, range.end_time);
    assert.ok((done.metadata?.file_size_bytes as number) > 0);
  });

  it('validates a range: both or neither, end after start, not in the future, at most a year', async () => {
    const path = `/v1/tasks/scheduled/${server.schedules.all()[0].id}/run`;
    const cases: [object, string, Record<string, unknown> | undefined][] = [
      [{ start_time: '2026-10-01T00:00:00Z' }, 'Please provide both start_time and end_time, or neither for automatic calculation', undefined],
      [{ start_time: '2026-10-02T00:00:00Z', end_time: '2026-10-02T00:00:00Z' }, 'End time must be after start time', { start_time: '2026-10-02T00:00:00Z', end_time: '2026-10-02T00:00:00Z' }],
      [{ start_time: '2026-10-02T00:00:00Z', end_time: '2026-11-01T10:08:00Z' }, 'End time must be in the past or present', { end_time: '2026-11-01T10:08:00Z', now: '2026-11-01T10:07:00Z' }],
      [{ start_time: '2025-10-01T00:00:00Z', end_time: '2026-10-02T00:00:00Z' }, 'Maximum allowed time range is 1 year', { duration: '8784h0m0s', max_duration: '8760h0m0s' }],
    ];
    for (const [body, message, details] of cases) {
      const res = await send(server, 'POST', path, JSON.stringify(body));
      assert.equal(res.status, 400, `${JSON.stringify(body)}: ${res.text}`);
      assert.deepEqual(res.body, { code: 'validation_error', message, http_status_code: 400, ...(details ? { details } : {}) });
    }
    assert.equal(server.scheduledExports.pendingRuns().length, 0, 'nothing started');
  });

  it('reads a body that does not bind as "no range", like the handler', async () => {
    const path = `/v1/tasks/scheduled/${server.schedules.all()[0].id}/run`;
    for (const body of ['not json', '{"start_time":"yesterday","end_time":"today"}', '[]', '']) {
      const res = await send(server, 'POST', path, body);
      assert.equal(res.status, 200, `${body}: ${res.text}`);
      assert.equal(res.body.mode, 'force run');
    }
    assert.equal((await send(server, 'POST', '/v1/tasks/scheduled/schtask_nope/run')).status, 404);
  });

  it('answers 200 for a paused or deleted schedule but never creates the task', async () => {
    for (const predicate of [paused, deleted]) {
      const schedule = find(server, predicate);
      const res = await send(server, 'POST', `/v1/tasks/scheduled/${schedule.id}/run`);
      assert.equal(res.status, 200, res.text);
      const id = res.body.workflow_id as string;
      clock.advance(10 * 60_000);
      assert.equal((await call(server, `/v1/tasks/${id}`)).status, 404);
      assert.equal(server.store.get(id), undefined);
    }
    assert.equal(server.scheduledExports.pendingRuns().length, 0);
  });

  it('creates the task when the schedule is resumed before the workflow reads it', async () => {
    const schedule = find(server, paused);
    const id = (await send(server, 'POST', `/v1/tasks/scheduled/${schedule.id}/run`)).body.workflow_id as string;
    clock.advance(1_000);
    assert.equal((await send(server, 'PUT', `/v1/tasks/scheduled/${schedule.id}`, '{"enabled":true}')).status, 200);
    clock.advance(2_000);
    assert.equal((await call(server, `/v1/tasks/${id}`)).status, 200);
  });

  it('ends some runs FAILED with the workflow engine\'s wrapped error', async () => {
    await server.close();
    server = await startFlexpriceServer({ clock: clock.now, seedTasks: false, scheduledExports: { schedules: 6, failureRate: 1, history: false } });
    const schedule = find(server, plainHourly);
    const id = (await send(server, 'POST', `/v1/tasks/scheduled/${schedule.id}/run`)).body.workflow_id as string;
    clock.advance(60_000);
    const failed = (await call(server, `/v1/tasks/${id}`)).json<ServerTask>();
    assert.equal(failed.task_status, 'FAILED');
    assert.ok(failed.failed_at);
    assert.equal(failed.file_url, '');
    assert.match(failed.error_summary ?? '', /^activity error \(type: ExportData, scheduledEventID: \d+, startedEventID: \d+, identity: [^)]+\): .+ \(type: wrapError, retryable: true\)$/);
    assert.equal(failed.metadata?.file_size_bytes, undefined);
  });
});

describe('local Flexprice server: scheduled runs on the cadence', () => {
  let clock: Clock;
  let server: LocalFlexpriceServer;

  beforeEach(async () => {
    clock = fakeClock(START);
    server = await startWithSchedules(clock);
  });
  afterEach(() => server.close());

  it('fires hourly at :15 with id <uuid>-<time>, exporting the previous hour', async () => {
    const schedule = find(server, plainHourly);
    const prefix = server.schedules.runIdPrefix(schedule.id)!;
    assert.match(prefix, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const id = `${prefix}-2026-11-01T11:15:00Z`;
    assert.equal(scheduledRunId(prefix, Date.parse('2026-11-01T11:15:00Z')), id);
    clock.set(Date.parse('2026-11-01T11:14:59Z'));
    assert.equal((await call(server, `/v1/tasks/${encodeURIComponent(id)}`)).status, 404);
    clock.set(Date.parse('2026-11-01T11:15:00Z'));
    const res = await call(server, `/v1/tasks/${encodeURIComponent(id)}`);
    assert.equal(res.status, 200);
    const task = res.json<ServerTask>();
    assert.deepEqual(task.metadata, { end_time: '2026-11-01T11:00:00Z', start_time: '2026-11-01T10:00:00Z' });
    assert.equal(task.created_by, SYSTEM_USER_ID);
    assert.equal(task.task_status, 'PENDING');
    assert.equal(server.store.scheduledTaskIdOf(id), schedule.id);
  });

  it('fires 15MIN every quarter hour and daily at 00:15 UTC, but not paused or deleted schedules', async () => {
    const quarter = find(server, (schedule) => schedule.interval === '15MIN');
    const daily = find(server, gzipDaily);
    const before = new Map(server.schedules.all().map((schedule) => [schedule.id, server.scheduledExports.runsOf(schedule.id).length]));
    clock.set(Date.parse('2026-11-02T00:15:00Z'));
    server.store.advanceTo(clock.now());
    const newRuns = (id: string) => server.scheduledExports.runsOf(id).length - before.get(id)!;
    // 10:15 … 00:15 next day: 57 quarter hours.
    assert.equal(newRuns(quarter.id), 57);
    const latest = server.scheduledExports.runsOf(quarter.id)[0];
    assert.ok(latest.id.endsWith('-2026-11-02T00:15:00Z'), latest.id);
    assert.deepEqual(latest.metadata, { end_time: '2026-11-02T00:15:00Z', start_time: '2026-11-02T00:00:00Z' });
    assert.equal(newRuns(daily.id), 1);
    assert.deepEqual(server.scheduledExports.runsOf(daily.id)[0].metadata, { end_time: '2026-11-02T00:00:00Z', start_time: '2026-11-01T00:00:00Z' });
    assert.equal(newRuns(find(server, paused).id), 0);
    assert.equal(newRuns(find(server, deleted).id), 0);
  });

  it('a pause takes effect from its moment', async () => {
    const schedule = find(server, plainHourly);
    const runs = () => server.scheduledExports.runsOf(schedule.id).length;
    const start = runs();
    clock.set(Date.parse('2026-11-01T11:30:00Z'));
    await send(server, 'PUT', `/v1/tasks/scheduled/${schedule.id}`, '{"enabled":false}');
    assert.equal(runs(), start + 2, 'the 10:15 and 11:15 runs happened before the pause');
    clock.set(Date.parse('2026-11-01T15:30:00Z'));
    server.schedules.setEnabled(schedule.id, true);
    assert.equal(runs(), start + 2, 'none while paused');
    clock.set(Date.parse('2026-11-01T16:15:00Z'));
    server.store.advanceTo(clock.now());
    assert.equal(runs(), start + 3);
    assert.ok(server.scheduledExports.runsOf(schedule.id)[0].id.endsWith('-2026-11-01T16:15:00Z'));
  });

  it('lists a schedule\'s runs newest first with scheduled_task_id, which no task ever carries', async () => {
    clock.set(Date.parse('2026-11-01T13:20:00Z'));
    const schedule = find(server, plainHourly);
    const res = await call(server, `/v1/tasks?scheduled_task_id=${schedule.id}&task_type=EXPORT`);
    assert.equal(res.status, 200);
    const items = res.json<{ items: ServerTask[] }>().items;
    assert.ok(items.length >= 6, `history and new runs: ${items.length}`);
    const prefix = server.schedules.runIdPrefix(schedule.id)!;
    assert.ok(items.every((task) => task.id.startsWith(prefix) || /^task_/.test(task.id)));
    assert.ok(items.some((task) => /^task_/.test(task.id)), 'the seeded "run now"');
    const created = items.map((task) => Date.parse(task.created_at));
    assert.deepEqual(created, [...created].sort((a, b) => b - a));
    assert.ok(items.some((task) => task.task_status === 'COMPLETED'));
    const everything = await call(server, '/v1/tasks?limit=1000');
    for (const text of [res.text, everything.text, (await call(server, `/v1/tasks/${encodeURIComponent(items[0].id)}`)).text]) {
      assert.ok(!text.includes('scheduled_task_id') && !text.includes('workflow_id'), 'never serialised');
    }
    const other = find(server, gzipDaily);
    const otherIds = (await call(server, `/v1/tasks?scheduled_task_id=${other.id}`)).json<{ items: ServerTask[] }>().items.map((task) => task.id);
    assert.ok(otherIds.length > 0 && otherIds.every((id) => !items.some((task) => task.id === id)));
  });

  it('seeds history: failed and completed runs, names ending .csv or .csv.gz as compressed', async () => {
    let failed = 0;
    for (const schedule of server.schedules.all()) {
      const runs = server.scheduledExports.runsOf(schedule.id);
      assert.ok(runs.length >= 3, `${schedule.interval}: ${runs.length} runs`);
      assert.equal(runs.filter((task) => task.id.startsWith('task_')).length, 1, 'one "run now"');
      for (const task of runs) {
        if (task.task_status === 'FAILED') failed++;
        if (task.task_status !== 'COMPLETED') continue;
        assert.ok(task.file_url.endsWith(schedule.job_config?.compression === 'gzip' ? '.csv.gz' : '.csv'), task.file_url);
        assert.ok((task.metadata?.file_size_bytes as number) > 0);
      }
    }
    assert.ok(failed >= 2, `failed runs: ${failed}`);
  });

  it('runs k times faster with the simulator\'s timeScale', async () => {
    await server.close();
    server = await startFlexpriceServer({
      clock: clock.now,
      seedTasks: false,
      simulate: { timeScale: 60, spawnEveryMs: 0, autoStart: false },
      scheduledExports: { schedules: 6, history: false, failureRate: 0 },
    });
    const quarter = find(server, (schedule) => schedule.interval === '15MIN');
    assert.equal(server.scheduledExports.runDelayMs, 50);
    // 15 min / 60 = 15 s between runs.
    assert.equal(server.scheduledExports.nextRunAt(quarter.id, clock.now()), Date.parse('2026-11-01T10:07:15Z'));
    server.simulator!.tick(clock.advance(45_000));
    const runs = server.scheduledExports.runsOf(quarter.id);
    assert.deepEqual(runs.map((task) => task.id.slice(-20)), ['2026-11-01T10:07:45Z', '2026-11-01T10:07:30Z', '2026-11-01T10:07:15Z']);
    assert.deepEqual(runs[0].metadata, { end_time: '2026-11-01T10:07:45Z', start_time: '2026-11-01T10:07:30Z' });
    server.simulator!.tick(clock.advance(15_000));
    assert.equal(server.store.get(runs[0].id)!.task_status, 'COMPLETED', 'durations shrink too');
  });
});

describe('local Flexprice server: scheduled exports options', () => {
  it('are off by default: no schedules, an empty list, the same tasks as before', async () => {
    const clock = fakeClock(START);
    const server = await startFlexpriceServer({ clock: clock.now });
    try {
      assert.equal(server.schedules.size, 0);
      const res = await send(server, 'GET', '/v1/tasks/scheduled');
      assert.deepEqual(res.body, { items: [], pagination: { total: 0, limit: 0, offset: 0 } });
      assert.equal(server.store.size, 40);
      const added = server.schedules.add({ interval: 'hourly', entity_type: 'invoice' });
      assert.equal((await send(server, 'GET', `/v1/tasks/scheduled/${added.id}`)).body.entity_type, 'invoice');
    } finally {
      await server.close();
    }
  });

  it('are deterministic: same seed and clock steps give the same schedules and runs', async () => {
    const run = async (seed: number) => {
      const clock = fakeClock(START);
      const server = await startFlexpriceServer({ clock: clock.now, seed, seedTasks: 5, scheduledExports: 6 });
      await send(server, 'POST', `/v1/tasks/scheduled/${server.schedules.all()[0].id}/run`);
      for (let i = 0; i < 40; i++) server.store.advanceTo(clock.advance(97_000));
      const state = { schedules: server.schedules.all(), tasks: server.store.all() };
      await server.close();
      return state;
    };
    const first = await run(7);
    assert.deepEqual(await run(7), first);
    assert.notDeepEqual((await run(8)).schedules, first.schedules);
  });

  it('keep each environment\'s schedules to its own key', async () => {
    const clock = fakeClock(START);
    const server = await startFlexpriceServer({ clock: clock.now, environments: twoEnvironments(), scheduledExports: 6 });
    try {
      const [sandbox, production] = server.environments;
      assert.equal(sandbox.schedules.size, 6);
      assert.equal(production.schedules.size, 6);
      assert.equal(server.schedules, sandbox.schedules);
      const id = sandbox.schedules.all()[0].id;
      assert.equal((await send(server, 'GET', `/v1/tasks/scheduled/${id}`)).status, 200);
      assert.equal((await send(server, 'GET', `/v1/tasks/scheduled/${id}`, undefined, PRODUCTION_API_KEY)).status, 404);
      const productionList = (await send(server, 'GET', '/v1/tasks/scheduled', undefined, PRODUCTION_API_KEY)).body.items as ServerSchedule[];
      assert.ok(productionList.every((schedule) => schedule.environment_id === production.id));
    } finally {
      await server.close();
    }
  });

  it('need X-Environment-ID where the server requires it', async () => {
    const server = await startFlexpriceServer({ environmentId: 'env_local', scheduledExports: 2 });
    try {
      assert.equal((await call(server, '/v1/tasks/scheduled')).status, 403);
      assert.equal((await call(server, '/v1/tasks/scheduled', { headers: { 'X-Environment-ID': 'env_local' } })).status, 200);
    } finally {
      await server.close();
    }
  });
});
