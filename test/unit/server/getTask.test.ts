import * as assert from 'node:assert/strict';
import { FIXTURE_IDS, startFlexpriceServer, type LocalFlexpriceServer } from '../../server/flexpriceServer';
import { call } from './serverHttp';

describe('local Flexprice server: GET /v1/tasks/{id} and unrouted paths', () => {
  let server: LocalFlexpriceServer;
  before(async () => {
    server = await startFlexpriceServer();
  });
  after(() => server.close());

  it('returns one task', async () => {
    const res = await call(server, `/v1/tasks/${FIXTURE_IDS.completedWithErrors}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    const task = res.json();
    assert.equal(task.id, FIXTURE_IDS.completedWithErrors);
    assert.equal(task.task_status, 'COMPLETED');
    assert.ok((task.failed_records ?? 0) > 0);
  });

  it('decodes the path segment, so workflow ids with ":" work', async () => {
    const res = await call(server, `/v1/tasks/${encodeURIComponent(FIXTURE_IDS.workflowRun)}`);
    assert.equal(res.status, 200);
    assert.equal(res.json().id, FIXTURE_IDS.workflowRun);
  });

  it('answers an unknown id with the flat not_found body', async () => {
    const res = await call(server, '/v1/tasks/task_does%20not%20exist');
    assert.equal(res.status, 404);
    assert.deepEqual(res.json(), {
      code: 'not_found',
      message: 'Task not found',
      http_status_code: 404,
      details: { task_id: 'task_does not exist' },
    });
  });

  it('answers 404 for GET /tasks/result, POST /tasks and unknown routes', async () => {
    assert.equal((await call(server, '/v1/tasks/result')).status, 404);
    const post = await call(server, '/v1/tasks', { method: 'POST' });
    assert.equal(post.status, 404);
    assert.equal(post.json().code, 'not_found');
    const unknown = await call(server, '/v1/customers');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json().http_status_code, 404);
    assert.equal((await call(server, '/healthz')).status, 404);
  });

  it('counts requests by path and method', async () => {
    server.requests.clear();
    await call(server, `/v1/tasks/${FIXTURE_IDS.pendingImport}`);
    await call(server, `/v1/tasks/${FIXTURE_IDS.pendingImport}`);
    await call(server, '/v1/tasks');
    assert.equal(server.requests.count({ path: `/v1/tasks/${FIXTURE_IDS.pendingImport}` }), 2);
    assert.equal(server.requests.count({ pathPrefix: '/v1/tasks', method: 'get' }), 3);
    assert.equal(server.requests.count({ method: 'POST' }), 0);
    assert.deepEqual(server.requests.all().map((entry) => entry.path), [
      `/v1/tasks/${FIXTURE_IDS.pendingImport}`, `/v1/tasks/${FIXTURE_IDS.pendingImport}`, '/v1/tasks',
    ]);
    const entry = server.requests.last({ path: '/v1/tasks' });
    assert.equal(entry?.method, 'GET');
    assert.equal(typeof entry?.at, 'number');
  });

  it('reflects store updates immediately, removing fields set to undefined', async () => {
    const task = server.store.add({ entity_type: 'brand_new_kind' });
    server.store.update(task.id, { task_status: 'PAUSED', error_summary: undefined });
    const body = (await call(server, `/v1/tasks/${task.id}`)).json();
    assert.equal(body.entity_type, 'brand_new_kind');
    assert.equal(body.task_status, 'PAUSED');
    assert.ok(!('error_summary' in body));
    server.store.remove(task.id);
    assert.equal((await call(server, `/v1/tasks/${task.id}`)).status, 404);
  });
});
