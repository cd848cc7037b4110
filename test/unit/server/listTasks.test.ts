import * as assert from 'node:assert/strict';
import { startFlexpriceServer, type LocalFlexpriceServer, type ServerTask } from '../../server/flexpriceServer';
import { call, fakeClock } from './serverHttp';

interface ListBody {
  items: Record<string, unknown>[];
  pagination: { total: number; limit: number; offset: number };
}

describe('local Flexprice server: GET /v1/tasks', () => {
  const clock = fakeClock('2026-03-01T09:00:00Z');
  let server: LocalFlexpriceServer;
  const list = async (query = '') => {
    const res = await call(server, `/v1/tasks${query}`);
    assert.equal(res.status, 200, res.text);
    return res.json<ListBody>();
  };

  before(async () => {
    server = await startFlexpriceServer({ clock: clock.now, seedTasks: 120 });
  });
  after(() => server.close());

  it('defaults to limit 50, offset 0, newest first, with the total', async () => {
    const body = await list();
    assert.deepEqual(body.pagination, { total: 120, limit: 50, offset: 0 });
    assert.equal(body.items.length, 50);
    const created = body.items.map((task) => Date.parse(task.created_at as string));
    assert.deepEqual(created, [...created].sort((a, b) => b - a));
  });

  it('pages with limit and offset without overlap, echoing the offset', async () => {
    const seen = new Set<string>();
    for (let offset = 0; offset < 120; offset += 35) {
      const body = await list(`?limit=35&offset=${offset}`);
      assert.equal(body.pagination.offset, offset);
      assert.equal(body.pagination.limit, 35);
      for (const task of body.items) seen.add(task.id as string);
    }
    assert.equal(seen.size, 120);
    assert.equal((await list('?offset=500')).items.length, 0);
  });

  it('treats limit=0 as the default and does not cap large limits', async () => {
    assert.equal((await list('?limit=0')).pagination.limit, 50);
    assert.equal((await list('?limit=5000')).items.length, 120);
  });

  it('filters task_type, entity_type and task_status exactly and case-sensitively', async () => {
    const imports = await list('?task_type=IMPORT&limit=1000');
    assert.ok(imports.items.length > 0);
    assert.ok(imports.items.every((task) => task.task_type === 'IMPORT'));
    assert.equal((await list('?task_type=import')).pagination.total, 0);

    const events = await list('?entity_type=events&limit=1000');
    assert.ok(events.items.length > 0);
    assert.ok(events.items.every((task) => task.entity_type === 'events' && task.task_type === 'EXPORT'));
    const upperEvents = await list('?entity_type=EVENTS&limit=1000');
    assert.ok(upperEvents.items.every((task) => task.task_type === 'IMPORT'));

    for (const status of ['PENDING', 'PROCESSING', 'COMPLETED', 'FAILED']) {
      const body = await list(`?task_status=${status}&limit=1000`);
      assert.ok(body.items.length > 0, `seed has ${status} tasks`);
      assert.ok(body.items.every((task) => task.task_status === status));
    }
    assert.equal((await list('?task_status=SOMETHING_NEW')).pagination.total, 0);
  });

  it('filters created_by', async () => {
    const body = await list('?created_by=system&limit=1000');
    assert.ok(body.items.length > 0);
    assert.ok(body.items.every((task) => task.created_by === 'system'));
  });

  it('bounds created_at inclusively with start_time and end_time', async () => {
    const at = '2026-02-27T10:00:00Z';
    const added = server.store.add({ created_at: at, created_by: 'bounds-test' });
    try {
      assert.deepEqual((await list(`?created_by=bounds-test&start_time=${at}&end_time=${at}`)).items.map((t) => t.id), [added.id]);
      assert.equal((await list('?created_by=bounds-test&start_time=2026-02-27T10:00:01Z')).pagination.total, 0);
      assert.equal((await list('?created_by=bounds-test&end_time=2026-02-27T09:59:59Z')).pagination.total, 0);
      // An offset time zone names the same instant.
      assert.equal((await list(`?created_by=bounds-test&start_time=${encodeURIComponent('2026-02-27T11:00:00+01:00')}`)).pagination.total, 1);
    } finally {
      server.store.remove(added.id);
    }
  });

  it('rejects times that are not RFC 3339 with a flat validation_error', async () => {
    for (const bad of ['yesterday', '2026-02-27', '2026-02-27T11:00:00+01:00' /* unencoded "+" arrives as a space */]) {
      const res = await call(server, `/v1/tasks?start_time=${bad}`);
      assert.equal(res.status, 400, bad);
      const body = res.json();
      assert.equal(body.code, 'validation_error');
      assert.equal(body.http_status_code, 400);
      assert.equal(typeof body.message, 'string');
    }
  });

  it('rejects a bad limit, order or sort with 400', async () => {
    for (const query of ['limit=ten', 'offset=-1', 'order=up', 'sort=file_name']) {
      const res = await call(server, `/v1/tasks?${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(res.json().code, 'validation_error');
    }
  });

  it('sorts by updated_at and honours order=asc', async () => {
    const body = await list('?sort=updated_at&order=asc&limit=1000');
    const updated = body.items.map((task) => Date.parse(task.updated_at as string));
    assert.deepEqual(updated, [...updated].sort((a, b) => a - b));
    const byCreated = (await list('?order=asc&limit=1000')).items.map((task) => task.id);
    assert.notDeepEqual(body.items.map((task) => task.id), byCreated);
  });

  it('lists only published records', async () => {
    const deleted = server.store.add({ status: 'deleted', created_by: 'deleted-test' });
    try {
      assert.equal((await list('?created_by=deleted-test')).pagination.total, 0);
      assert.equal((await list('?created_by=deleted-test&status=deleted')).pagination.total, 1);
    } finally {
      server.store.remove(deleted.id);
    }
  });

  it('sends tasks in the backend shape: nulls, omitted empty file_name, RFC 3339 times', async () => {
    const items = (await list('?limit=1000')).items;
    for (const task of items) {
      assert.equal(task.status, 'published');
      for (const field of ['environment_id', 'tenant_id', 'created_by', 'updated_by', 'created_at', 'updated_at']) {
        assert.equal(typeof task[field], 'string', field);
      }
      assert.ok('error_summary' in task && 'metadata' in task && 'started_at' in task && 'failed_at' in task);
      assert.notEqual(task.file_name, '');
      if (task.task_type === 'IMPORT') assert.equal(task.total_records, null);
      assert.match(task.created_at as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    }
    assert.ok(items.some((task) => !('file_name' in task)), 'some task has no file_name');
    assert.ok(items.some((task) => (task.created_at as string).includes('.')), 'fractional seconds appear');
    assert.ok(items.some((task) => !(task.created_at as string).includes('.')), 'whole seconds appear');
  });

  it('lists a 10,000-task store', async function () {
    this.timeout(30_000);
    const big = await startFlexpriceServer({ clock: clock.now, seedTasks: 10_000 });
    try {
      const res = await call(big, '/v1/tasks?task_type=EXPORT&limit=20&offset=100');
      const body = res.json<ListBody>();
      assert.equal(body.items.length, 20);
      assert.ok(body.pagination.total > 1000 && body.pagination.total < 10_000);
      const all: ServerTask[] = big.store.all();
      assert.equal(all.length, 10_000);
    } finally {
      await big.close();
    }
  });
});
