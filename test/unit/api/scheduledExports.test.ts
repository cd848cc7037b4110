import * as assert from 'node:assert/strict';
import { FlexpriceClient } from '../../../src/api/flexpriceClient';
import { parseRangeInput, previousFullInterval, validateExportRange } from '../../../src/api/exportRange';
import { isScheduledRunId, scheduledRunTime } from '../../../src/api/scheduledRunId';
import { ScheduledExportListSchema, ScheduledExportSchema } from '../../../src/api/scheduledExportSchema';
import { startFlexpriceServer, type LocalFlexpriceServer } from '../../server/flexpriceServer';
import { fakeClock } from '../server/serverHttp';
import { apiFailure, clientFor } from './clientFixture';
import { startRawServer } from './rawServer';

const SCHEDULE = {
  id: 'schtask_01JQ7B5K8M2N4P6R8T0V2X4Z6A',
  connection_id: 'conn_01',
  entity_type: 'credit_usage',
  interval: 'daily',
  enabled: true,
  job_config: { bucket: 'acme-billing', region: 'us-east-1', key_prefix: 'exports/', compression: 'gzip', encryption: 'AES256' },
  status: 'published',
  created_at: '2026-10-01T00:00:00Z',
  updated_at: '2026-10-01T00:00:00Z',
};

describe('Scheduled export schema', () => {
  it('keeps unknown entity types and intervals as sent (open enums)', () => {
    const parsed = ScheduledExportSchema.parse({ ...SCHEDULE, entity_type: 'wallet_transactions', interval: 'weekly' });
    assert.equal(parsed.entity_type, 'wallet_transactions');
    assert.equal(parsed.interval, 'weekly');
  });

  it('reads nulls as absent and drops fields it does not know, credentials included', () => {
    const parsed = ScheduledExportSchema.parse({
      ...SCHEDULE,
      enabled: null,
      interval: null,
      job_config: { ...SCHEDULE.job_config, aws_secret_access_key: 'SECRET', aws_access_key_id: 'AKIA' },
      surprise: 1,
    });
    assert.equal(parsed.enabled, undefined);
    assert.equal(parsed.interval, undefined);
    assert.doesNotMatch(JSON.stringify(parsed), /SECRET|AKIA|surprise/);
  });

  it('sets one malformed schedule aside and keeps the others', () => {
    const list = ScheduledExportListSchema.parse({
      items: [SCHEDULE, { id: 'schtask_bad', enabled: 'yes' }, { entity_type: 'events' }, { ...SCHEDULE, id: 'schtask_2' }],
      pagination: { total: 4 },
    });
    assert.deepEqual(list.items.map(({ id }) => id), [SCHEDULE.id, 'schtask_2']);
    assert.equal(list.unreadable.length, 2);
    assert.equal(list.unreadable[0].id, 'schtask_bad');
    assert.match(list.unreadable[0].problem, /enabled/);
    assert.deepEqual(ScheduledExportListSchema.parse({ items: null }).items, []);
  });
});

describe('Export ranges', () => {
  const now = new Date('2026-12-01T10:07:00Z');

  it('previous full interval sits on UTC boundaries for every known cadence', () => {
    const iso = (interval: string) => {
      const range = previousFullInterval(interval, now);
      return range && [range.start.toISOString(), range.end.toISOString()];
    };
    assert.deepEqual(iso('daily'), ['2026-11-30T00:00:00.000Z', '2026-12-01T00:00:00.000Z']);
    assert.deepEqual(iso('hourly'), ['2026-12-01T09:00:00.000Z', '2026-12-01T10:00:00.000Z']);
    assert.deepEqual(iso('30MIN'), ['2026-12-01T09:30:00.000Z', '2026-12-01T10:00:00.000Z']);
    assert.deepEqual(iso('15MIN'), ['2026-12-01T09:45:00.000Z', '2026-12-01T10:00:00.000Z']);
    assert.equal(iso('custom'), undefined);
    assert.equal(iso('weekly'), undefined);
  });

  it('refuses what the server refuses: end not after start, in the future, over a year', () => {
    const at = (text: string) => new Date(text);
    assert.deepEqual(validateExportRange(at('2026-11-30T00:00:00Z'), at('2026-12-01T00:00:00Z'), now), { ok: true });
    assert.equal(validateExportRange(at('2026-12-01T00:00:00Z'), at('2026-12-01T00:00:00Z'), now).ok, false);
    assert.equal(validateExportRange(at('2026-12-01T00:00:00Z'), at('2026-11-01T00:00:00Z'), now).ok, false);
    const future = validateExportRange(at('2026-11-30T00:00:00Z'), at('2026-12-01T10:08:00Z'), now);
    assert.ok(!future.ok && /future/.test(future.reason));
    const long = validateExportRange(at('2025-01-01T00:00:00Z'), at('2026-11-01T00:00:00Z'), now);
    assert.ok(!long.ok && /one year/.test(long.reason));
    assert.equal(validateExportRange(at('2025-12-01T10:07:00Z'), now, now).ok, true, 'exactly a year is allowed');
    assert.equal(validateExportRange(new Date(NaN), now, now).ok, false);
  });

  it('reads typed dates strictly, in UTC unless a zone is given', () => {
    assert.equal(parseRangeInput('2026-11-30')?.toISOString(), '2026-11-30T00:00:00.000Z');
    assert.equal(parseRangeInput(' 2026-11-30 10:15 ')?.toISOString(), '2026-11-30T10:15:00.000Z');
    assert.equal(parseRangeInput('2026-11-30T10:15:00+02:00')?.toISOString(), '2026-11-30T08:15:00.000Z');
    for (const bad of ['', 'yesterday', '2026-02-30', '2026-11-30 24:00', '30/11/2026', '2026-11-30T10:15:00+25:00']) {
      assert.equal(parseRangeInput(bad), undefined, bad);
    }
  });
});

describe('Scheduled-run IDs', () => {
  const id = '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87-2026-11-01T00:15:00Z';

  it('recognises the workflow ID of a scheduled run and reads its time', () => {
    assert.equal(isScheduledRunId(id), true);
    assert.equal(scheduledRunTime(id)?.toISOString(), '2026-11-01T00:15:00.000Z');
    assert.equal(isScheduledRunId(` "${id}" `.trim().slice(1, -1)), true);
  });

  it('refuses near-misses', () => {
    for (const near of [
      'task_01JQ7B5K8M2N4P6R8T0V2X4Z6A',
      '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87',
      '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e8-2026-11-01T00:15:00Z',
      '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87-2026-02-30T00:15:00Z',
      '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87-2026-11-01',
      `${id}x`,
    ]) {
      assert.equal(isScheduledRunId(near), false, near);
    }
  });

  it('is read and encoded like any task ID by the client', async () => {
    const server = await startRawServer({ status: 200, body: JSON.stringify({ id, task_type: 'EXPORT' }) });
    try {
      const task = await clientFor(server).getTask(id);
      assert.equal(task.id, id);
      assert.equal(server.requests[0].url, `/v1/tasks/${encodeURIComponent(id)}`);
    } finally {
      await server.close();
    }
  });
});

describe('FlexpriceClient and scheduled exports, against the local server', () => {
  let server: LocalFlexpriceServer;
  let client: FlexpriceClient;
  const clock = fakeClock('2026-12-01T10:07:00Z');

  beforeEach(async () => {
    clock.set(Date.parse('2026-12-01T10:07:00Z'));
    server = await startFlexpriceServer({ clock: clock.now, seedTasks: false, scheduledExports: 6 });
    client = new FlexpriceClient({ apiUrl: server.baseUrl, apiKey: server.apiKey, timeoutMs: 5_000, userAgent: 'test' });
  });
  afterEach(() => server.close());

  it('lists every schedule, the deleted one included, with its job configuration', async () => {
    const list = await client.listScheduledExports();
    assert.equal(list.items.length, 6);
    assert.equal(list.unreadable.length, 0);
    assert.equal(list.items.filter((schedule) => schedule.status === 'deleted').length, 1);
    const paused = list.items.filter((schedule) => schedule.enabled === false);
    assert.ok(paused.length >= 1);
    assert.ok(list.items.every((schedule) => schedule.job_config?.bucket), 'every schedule names its bucket');
  });

  it('pauses, resumes and deletes (200 with a body), and the list says so', async () => {
    const [first] = (await client.listScheduledExports()).items.filter((schedule) => schedule.enabled && schedule.status === 'published');
    assert.equal((await client.setScheduledExportEnabled(first.id, false)).enabled, false);
    assert.equal((await client.getScheduledExport(first.id)).enabled, false);
    assert.equal((await client.setScheduledExportEnabled(first.id, true)).enabled, true);
    await client.deleteScheduledExport(first.id);
    assert.equal((await client.getScheduledExport(first.id)).status, 'deleted');
    const put = server.requests.all().filter((request) => request.method === 'PUT');
    assert.equal(put.length, 2);
  });

  it('runs now: answers at once, the task answers 404 until the server creates it', async () => {
    const [schedule] = (await client.listScheduledExports()).items.filter((candidate) => candidate.enabled && candidate.status === 'published');
    const answer = await client.runScheduledExport(schedule.id);
    assert.equal(answer.mode, 'force run');
    assert.match(answer.workflow_id, /^task_/);
    assert.equal((await apiFailure(client.getTask(answer.workflow_id))).kind, 'not_found');
    clock.advance(server.scheduledExports.runDelayMs + 1);
    const task = await client.getTask(answer.workflow_id);
    assert.equal(task.task_type, 'EXPORT');
    const runs = await client.listScheduleRuns(schedule.id, { limit: 50, offset: 0 });
    assert.equal(runs.items[0].id, answer.workflow_id, 'newest first, under its schedule');
    assert.ok(runs.items.every((run) => run.task_type === 'EXPORT'));
  });

  it('sends a custom range as RFC 3339 and the server answers mode custom', async () => {
    const [schedule] = (await client.listScheduledExports()).items.filter((candidate) => candidate.enabled && candidate.status === 'published');
    const range = { start: new Date('2026-11-30T00:00:00Z'), end: new Date('2026-12-01T00:00:00Z') };
    const answer = await client.runScheduledExport(schedule.id, range);
    assert.equal(answer.mode, 'custom');
    assert.equal(answer.start_time, '2026-11-30T00:00:00Z');
    assert.equal(answer.end_time, '2026-12-01T00:00:00Z');
  });

  it('a paused schedule: the run is accepted and no task ever appears', async () => {
    const paused = (await client.listScheduledExports()).items.find((candidate) => candidate.enabled === false && candidate.status === 'published')!;
    const answer = await client.runScheduledExport(paused.id);
    clock.advance(10 * 60_000);
    assert.equal((await apiFailure(client.getTask(answer.workflow_id))).kind, 'not_found');
  });

  it('refuses a malformed schedule ID before sending anything', async () => {
    const before = server.requests.all().length;
    assert.equal((await apiFailure(client.runScheduledExport('..'))).kind, 'invalid_id');
    assert.equal((await apiFailure(client.getScheduledExport(''))).kind, 'invalid_id');
    assert.equal(server.requests.all().length, before);
  });
});

describe('Deleting a scheduled export on a server that follows the reference', () => {
  it('takes 204 with no body as success', async () => {
    const server = await startRawServer({ status: 204 });
    try {
      await clientFor(server).deleteScheduledExport('schtask_1');
      assert.equal(server.requests[0].method, 'DELETE');
      assert.equal(server.requests[0].url, '/v1/tasks/scheduled/schtask_1');
    } finally {
      await server.close();
    }
  });

  it('still reports a refusal as the error the server sent', async () => {
    const server = await startRawServer({ status: 403, body: '{"message":"insufficient permissions"}' });
    try {
      assert.equal((await apiFailure(clientFor(server).deleteScheduledExport('schtask_1'))).kind, 'forbidden');
    } finally {
      await server.close();
    }
  });
});
