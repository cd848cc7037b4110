import * as assert from 'node:assert/strict';
import { FIXTURE_IDS, startFlexpriceServer, type LocalFlexpriceServer } from '../../server/flexpriceServer';
import { call } from './serverHttp';

describe('local Flexprice server: authentication', () => {
  let server: LocalFlexpriceServer;
  before(async () => {
    server = await startFlexpriceServer({ apiKey: 'fp_test_secret_123' });
  });
  after(() => server.close());

  it('binds to 127.0.0.1 and exposes /v1 as the base URL', () => {
    assert.match(server.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    assert.equal(server.baseUrl, `${server.origin}/v1`);
  });

  it('answers 401 {"error":"Unauthorized"} without a key', async () => {
    const res = await call(server, '/v1/tasks', { key: null });
    assert.equal(res.status, 401);
    assert.deepEqual(res.json(), { error: 'Unauthorized' });
  });

  it('answers 401 for a wrong key and never echoes the key back', async () => {
    const res = await call(server, `/v1/tasks/${FIXTURE_IDS.completedImport}`, { key: 'fp_wrong_key_987' });
    assert.equal(res.status, 401);
    assert.deepEqual(res.json(), { error: 'Unauthorized' });
    assert.ok(!res.text.includes('fp_wrong_key_987'));
  });

  it('accepts the configured key and records it in the request log', async () => {
    const res = await call(server, `/v1/tasks/${FIXTURE_IDS.completedImport}`);
    assert.equal(res.status, 200);
    assert.equal(res.json().id, FIXTURE_IDS.completedImport);
    assert.equal(server.requests.last({ path: `/v1/tasks/${FIXTURE_IDS.completedImport}` })?.headers['x-api-key'], 'fp_test_secret_123');
  });

  it('uses the demo key by default', async () => {
    const other = await startFlexpriceServer({ seedTasks: false });
    try {
      assert.equal(other.apiKey, 'fp_demo_key_local');
      assert.equal((await call(other, '/v1/tasks')).status, 200);
    } finally {
      await other.close();
    }
  });
});

describe('local Flexprice server: environment check', () => {
  let server: LocalFlexpriceServer;
  before(async () => {
    server = await startFlexpriceServer({ environmentId: 'env_selfhosted_1' });
  });
  after(() => server.close());

  it('answers 403 Access denied without X-Environment-ID', async () => {
    const res = await call(server, '/v1/tasks');
    assert.equal(res.status, 403);
    assert.deepEqual(res.json(), { error: 'Access denied', message: 'Invalid or inaccessible environment' });
  });

  it('answers 403 for a different environment', async () => {
    const res = await call(server, '/v1/tasks', { headers: { 'X-Environment-ID': 'env_other' } });
    assert.equal(res.status, 403);
  });

  it('serves tasks of that environment when the header matches', async () => {
    const res = await call(server, '/v1/tasks', { headers: { 'X-Environment-ID': 'env_selfhosted_1' } });
    assert.equal(res.status, 200);
    const items: { environment_id: string }[] = res.json().items ?? [];
    assert.ok(items.length > 0);
    assert.ok(items.every((task) => task.environment_id === 'env_selfhosted_1'));
  });

  it('checks the key before the environment', async () => {
    const res = await call(server, '/v1/tasks', { key: null, headers: { 'X-Environment-ID': 'env_selfhosted_1' } });
    assert.equal(res.status, 401);
  });
});
