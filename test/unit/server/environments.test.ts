import * as assert from 'node:assert/strict';
import {
  DEFAULT_TENANT,
  FIXTURE_IDS,
  PRODUCTION_API_KEY,
  PRODUCTION_ENVIRONMENT_ID,
  SANDBOX_API_KEY,
  SANDBOX_ENVIRONMENT_ID,
  startFlexpriceServer,
  twoEnvironments,
  type LocalFlexpriceServer,
  type ServerTask,
} from '../../server/flexpriceServer';
import { call, fakeClock } from './serverHttp';

interface EnvironmentsBody {
  environments: { id: string; name: string; type: string; created_at: string; updated_at: string }[];
  total: number;
  offset: number;
  limit: number;
}

interface UserBody {
  id: string;
  name?: string;
  email?: string;
  type: string;
  roles?: string[];
  tenant?: { id: string; name: string; status: string; created_at: string; updated_at: string };
}

describe('local Flexprice server: environments of one tenant', () => {
  const clock = fakeClock('2026-03-02T10:00:00Z');
  let server: LocalFlexpriceServer;
  before(async () => {
    server = await startFlexpriceServer({ clock: clock.now, environments: twoEnvironments() });
  });
  after(() => server.close());
  afterEach(() => {
    server.faults.clear();
    server.identityRoutes = true;
  });

  it('serves each environment with its own key and store; the first is the server’s apiKey, store and simulator', () => {
    assert.deepEqual(
      server.environments.map(({ id, name, type, apiKey }) => ({ id, name, type, apiKey })),
      [
        { id: SANDBOX_ENVIRONMENT_ID, name: 'Sandbox', type: 'development', apiKey: SANDBOX_API_KEY },
        { id: PRODUCTION_ENVIRONMENT_ID, name: 'Production', type: 'production', apiKey: PRODUCTION_API_KEY },
      ],
    );
    assert.notEqual(SANDBOX_API_KEY, PRODUCTION_API_KEY);
    assert.equal(server.apiKey, SANDBOX_API_KEY);
    assert.equal(server.store, server.environments[0].store);
    assert.notEqual(server.environments[0].store, server.environments[1].store);
    assert.equal(server.simulator, undefined);
    assert.deepEqual(server.tenant, DEFAULT_TENANT);
    assert.equal(server.tenant.name, 'Acme');
  });

  it('answers a request with the Production key from Production’s tasks only', async () => {
    const sandbox = (await call(server, '/v1/tasks?limit=1000', { key: SANDBOX_API_KEY })).json<{ items: ServerTask[] }>().items;
    const production = (await call(server, '/v1/tasks?limit=1000', { key: PRODUCTION_API_KEY })).json<{ items: ServerTask[] }>().items;
    assert.equal(production.length, server.environments[1].store.size);
    assert.ok(production.every((task) => task.environment_id === PRODUCTION_ENVIRONMENT_ID && task.tenant_id === DEFAULT_TENANT.id));
    assert.ok(sandbox.every((task) => task.environment_id === SANDBOX_ENVIRONMENT_ID && task.tenant_id === DEFAULT_TENANT.id));
    // Distinct seeds: beyond the fixtures (in every environment), the tasks differ.
    const fixtures = new Set<string>(Object.values(FIXTURE_IDS));
    const sandboxIds = new Set(sandbox.map((task) => task.id));
    const ownProduction = production.filter((task) => !fixtures.has(task.id));
    assert.ok(ownProduction.length > 0);
    assert.ok(ownProduction.every((task) => !sandboxIds.has(task.id)));
  });

  it('keeps a task added to one environment out of the other', async () => {
    const added = server.environments[1].store.add({ created_by: 'user_prod_only' });
    assert.equal(added.environment_id, PRODUCTION_ENVIRONMENT_ID);
    assert.equal((await call(server, `/v1/tasks/${added.id}`, { key: PRODUCTION_API_KEY })).status, 200);
    assert.equal((await call(server, `/v1/tasks/${added.id}`, { key: SANDBOX_API_KEY })).status, 404);
  });

  it('refuses a key of no environment with 401, and ignores X-Environment-ID for dashboard keys', async () => {
    assert.equal((await call(server, '/v1/tasks', { key: 'fp_demo_key_local' })).status, 401);
    const res = await call(server, '/v1/tasks?limit=1', { key: PRODUCTION_API_KEY, headers: { 'X-Environment-ID': SANDBOX_ENVIRONMENT_ID } });
    assert.equal(res.status, 200);
    assert.equal(res.json<{ items: ServerTask[] }>().items[0]?.environment_id, PRODUCTION_ENVIRONMENT_ID);
  });

  it('lists the environments as dto.ListEnvironmentsResponse, newest first, to either key', async () => {
    for (const key of [SANDBOX_API_KEY, PRODUCTION_API_KEY]) {
      const res = await call(server, '/v1/environments', { key });
      assert.equal(res.status, 200);
      const body = res.json<EnvironmentsBody>();
      assert.deepEqual(Object.keys(body), ['environments', 'total', 'offset', 'limit']);
      assert.deepEqual(body.environments.map(({ id, name, type }) => ({ id, name, type })), [
        { id: PRODUCTION_ENVIRONMENT_ID, name: 'Production', type: 'production' },
        { id: SANDBOX_ENVIRONMENT_ID, name: 'Sandbox', type: 'development' },
      ]);
      assert.deepEqual(Object.keys(body.environments[0]), ['id', 'name', 'type', 'created_at', 'updated_at']);
      assert.match(body.environments[0].created_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      assert.equal(body.total, 2);
      assert.equal(body.offset, 0);
      assert.equal(body.limit, 50);
    }
  });

  it('pages the environments by limit and offset, and refuses a bad one with 400', async () => {
    const page = (await call(server, '/v1/environments?limit=1&offset=1')).json<EnvironmentsBody>();
    assert.deepEqual(page.environments.map(({ name }) => name), ['Sandbox']);
    assert.equal(page.limit, 1);
    assert.equal(page.offset, 1);
    assert.equal((await call(server, '/v1/environments?limit=x')).status, 400);
  });

  it('answers /users/me with the key’s service account and its tenant, as dto.UserResponse', async () => {
    const res = await call(server, '/v1/users/me', { key: PRODUCTION_API_KEY });
    assert.equal(res.status, 200);
    const user = res.json<UserBody>();
    assert.equal(user.type, 'service_account');
    assert.equal(user.email, undefined, 'service accounts have no email');
    assert.match(user.id, /^user_/);
    assert.equal(user.name, 'Production API key');
    assert.equal(user.tenant?.id, DEFAULT_TENANT.id);
    assert.equal(user.tenant?.name, 'Acme');
    assert.equal(user.tenant?.status, 'published');
    const sandboxUser = (await call(server, '/v1/users/me', { key: SANDBOX_API_KEY })).json<UserBody>();
    assert.notEqual(sandboxUser.id, user.id);
    assert.equal(sandboxUser.tenant?.id, DEFAULT_TENANT.id);
  });

  it('answers like an older server, 404 route not found, while identityRoutes is off', async () => {
    server.identityRoutes = false;
    for (const path of ['/v1/environments', '/v1/users/me']) {
      const res = await call(server, path);
      assert.equal(res.status, 404);
      assert.deepEqual(res.json(), { code: 'not_found', message: 'Route not found', http_status_code: 404, details: { path } });
    }
    assert.equal((await call(server, '/v1/tasks?limit=1')).status, 200);
    server.identityRoutes = true;
    assert.equal((await call(server, '/v1/environments')).status, 200);
  });

  it('applies path-scoped faults to the identity routes like any /v1 path', async () => {
    server.faults.set({ path: '/v1/environments', forbidden: 'permissions' });
    const refused = await call(server, '/v1/environments');
    assert.equal(refused.status, 403);
    assert.deepEqual(refused.json(), { message: 'insufficient permissions' });
    assert.equal((await call(server, '/v1/users/me')).status, 200, 'another path is untouched');

    server.faults.set({ path: '/v1/users/me', routeMissing: true });
    assert.equal((await call(server, '/v1/users/me')).status, 404);

    server.faults.set({ pathPrefix: '/v1/', html: { status: 502 } });
    for (const path of ['/v1/tasks', '/v1/environments', '/v1/users/me']) {
      const res = await call(server, path);
      assert.equal(res.status, 502);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    }
  });

  it('only knows GET on the identity routes', async () => {
    assert.equal((await call(server, '/v1/environments', { method: 'POST' })).status, 404);
    assert.equal((await call(server, '/v1/users/someone')).status, 404);
  });

  it('serves an export link issued in the second environment', async () => {
    const linked = await call(server, `/v1/tasks/${FIXTURE_IDS.completedExportS3}/download`, { key: PRODUCTION_API_KEY });
    assert.equal(linked.status, 200);
    const url = new URL(linked.json().download_url as string);
    const file = await call(server, url.pathname + url.search, { key: null });
    assert.equal(file.status, 200);
    assert.match(file.headers.get('content-type') ?? '', /^text\/csv/);
  });
});

describe('local Flexprice server: tenant and environment options', () => {
  it('takes the tenant given, and gives each environment its simulator', async () => {
    const clock = fakeClock();
    const server = await startFlexpriceServer({
      clock: clock.now,
      tenant: { id: 'tenant_01JQ70000000000000000000TT', name: 'Globex' },
      environments: twoEnvironments().map((environment) => ({ ...environment, seedTasks: false as const })),
      simulate: { spawnEveryMs: 0, autoStart: false },
    });
    try {
      const [sandbox, production] = server.environments;
      assert.ok(sandbox.simulator && production.simulator && sandbox.simulator !== production.simulator);
      assert.equal(server.simulator, sandbox.simulator);
      assert.equal(sandbox.store.size + production.store.size, 0);
      const spawned = production.simulator.spawn();
      assert.equal(spawned.environment_id, PRODUCTION_ENVIRONMENT_ID);
      assert.equal(spawned.tenant_id, 'tenant_01JQ70000000000000000000TT');
      const user = (await call(server, '/v1/users/me', { key: SANDBOX_API_KEY })).json<UserBody>();
      assert.deepEqual([user.tenant?.id, user.tenant?.name], ['tenant_01JQ70000000000000000000TT', 'Globex']);
    } finally {
      await server.close();
    }
  });

  it('keeps an unknown environment type as given', async () => {
    const server = await startFlexpriceServer({
      seedTasks: false,
      environments: [{ id: 'env_01JQ70000000000000000000ST', name: 'Staging', type: 'staging', apiKey: 'fp_staging_key_local' }],
    });
    try {
      const body = (await call(server, '/v1/environments', { key: 'fp_staging_key_local' })).json<EnvironmentsBody>();
      assert.deepEqual(body.environments.map(({ name, type }) => [name, type]), [['Staging', 'staging']]);
    } finally {
      await server.close();
    }
  });

  it('refuses environments without their own id and key', async () => {
    const twice = twoEnvironments().map((environment) => ({ ...environment, apiKey: SANDBOX_API_KEY }));
    await assert.rejects(startFlexpriceServer({ environments: twice }), /own id and key/);
    await assert.rejects(startFlexpriceServer({ environments: [] }), /at least one/);
  });

  it('describes a single-environment server as one Sandbox of tenant Acme', async () => {
    const server = await startFlexpriceServer({ seedTasks: false });
    try {
      assert.deepEqual(server.environments.map(({ name, type, apiKey }) => [name, type, apiKey]), [['Sandbox', 'development', 'fp_demo_key_local']]);
      const body = (await call(server, '/v1/environments')).json<EnvironmentsBody>();
      assert.deepEqual(body.environments.map(({ id }) => id), [server.store.environmentId]);
      assert.equal((await call(server, '/v1/users/me')).json<UserBody>().tenant?.name, 'Acme');
    } finally {
      await server.close();
    }
  });

  it('serves the discovery routes without X-Environment-ID to a key that otherwise needs it', async () => {
    const server = await startFlexpriceServer({ environmentId: 'env_self_hosted', seedTasks: false, identityRoutes: false });
    try {
      assert.equal(server.identityRoutes, false);
      assert.equal((await call(server, '/v1/environments')).status, 404, 'an older server: no route, but no 403 either');
      server.identityRoutes = true;
      assert.equal((await call(server, '/v1/tasks')).status, 403);
      const listed = await call(server, '/v1/environments');
      assert.equal(listed.status, 200);
      assert.equal(listed.json<EnvironmentsBody>().environments[0]?.id, 'env_self_hosted');
      assert.equal((await call(server, '/v1/users/me')).status, 200);
    } finally {
      await server.close();
    }
  });
});
