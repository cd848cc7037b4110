import * as assert from 'node:assert/strict';
import { FlexpriceClient } from '../../../src/api/flexpriceClient';
import { CurrentUserSchema, EnvironmentListSchema, EnvironmentSchema } from '../../../src/api/identitySchema';
import {
  PRODUCTION_API_KEY,
  startFlexpriceServer,
  twoEnvironments,
  type LocalFlexpriceServer,
} from '../../server/flexpriceServer';
import { apiFailure } from './clientFixture';

describe('EnvironmentListSchema', () => {
  it('reads dto.ListEnvironmentsResponse', () => {
    const list = EnvironmentListSchema.parse({
      environments: [
        { id: 'env_2', name: 'Production', type: 'production', created_at: '2026-01-02T00:00:00Z', updated_at: '2026-01-02T00:00:00Z' },
        { id: 'env_1', name: 'Sandbox', type: 'development', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' },
      ],
      total: 2,
      offset: 0,
      limit: 50,
    });
    assert.deepEqual(list.environments.map(({ id, name, type }) => [id, name, type]), [
      ['env_2', 'Production', 'production'],
      ['env_1', 'Sandbox', 'development'],
    ]);
    assert.equal(list.total, 2);
  });

  it('keeps a type no one knows yet, and reads nulls as missing', () => {
    const environment = EnvironmentSchema.parse({ id: 'env_3', name: null, type: 'Staging', created_at: null });
    assert.equal(environment.type, 'Staging');
    assert.equal(environment.name, undefined);
    assert.equal(environment.created_at, undefined);
    assert.ok(!Object.values(environment).some((value) => value === null));
  });

  it('leaves out entries that are not environments instead of failing the list', () => {
    const list = EnvironmentListSchema.parse({ environments: [{ name: 'no id' }, 'text', { id: 'env_1', name: 7 }, { id: 'env_2' }], total: 4 });
    assert.deepEqual(list.environments.map(({ id }) => id), ['env_2']);
  });

  it('reads a null or missing list as none, and a missing total from what was sent', () => {
    assert.deepEqual(EnvironmentListSchema.parse({ environments: null }), { environments: [], total: 0 });
    assert.deepEqual(EnvironmentListSchema.parse({}), { environments: [], total: 0 });
    assert.equal(EnvironmentListSchema.parse({ environments: [{ id: 'a' }, { id: 'b' }] }).total, 2);
  });

  it('fails an envelope of the wrong shape', () => {
    assert.equal(EnvironmentListSchema.safeParse({ environments: {} }).success, false);
    assert.equal(EnvironmentListSchema.safeParse([]).success, false);
  });
});

describe('CurrentUserSchema', () => {
  it('reads dto.UserResponse of a service account with its tenant', () => {
    const user = CurrentUserSchema.parse({
      id: 'user_1',
      name: 'CI key',
      type: 'service_account',
      roles: ['admin'],
      tenant: { id: 'tenant_1', name: 'Acme', billing_details: { address: {} }, status: 'published', created_at: '2026-01-01T00:00:00Z', metadata: {} },
    });
    assert.equal(user.type, 'service_account');
    assert.equal(user.email, undefined);
    assert.deepEqual(user.tenant, { id: 'tenant_1', name: 'Acme', status: 'published' });
  });

  it('reads servers from before the tenant was added ({id, email}) and a null tenant', () => {
    assert.deepEqual(CurrentUserSchema.parse({ id: 'user_1', email: 'ops@example.com' }).tenant, undefined);
    assert.deepEqual(CurrentUserSchema.parse({ id: 'user_1', tenant: null }).tenant, undefined);
    const tenant = CurrentUserSchema.parse({ tenant: { id: null, name: 'Acme' } }).tenant;
    assert.equal(tenant?.name, 'Acme');
    assert.equal(tenant?.id, undefined);
  });

  it('fails a body that is not a user', () => {
    assert.equal(CurrentUserSchema.safeParse({ tenant: 'Acme' }).success, false);
    assert.equal(CurrentUserSchema.safeParse('user').success, false);
  });
});

describe('FlexpriceClient identity reads', () => {
  let server: LocalFlexpriceServer;
  let client: FlexpriceClient;
  before(async () => {
    server = await startFlexpriceServer({ environments: twoEnvironments(), seedTasks: false });
    client = new FlexpriceClient({ apiUrl: server.baseUrl, apiKey: PRODUCTION_API_KEY, timeoutMs: 5_000, userAgent: 'flexprice-tasks-tests/1.0' });
  });
  after(() => server.close());
  afterEach(() => server.faults.clear());

  it('listEnvironments: GET /v1/environments', async () => {
    const list = await client.listEnvironments();
    assert.equal(server.requests.last()?.path, '/v1/environments');
    assert.deepEqual(list.environments.map(({ name, type }) => [name, type]), [['Production', 'production'], ['Sandbox', 'development']]);
    assert.equal(list.total, 2);
  });

  it('getCurrentUser: GET /v1/users/me', async () => {
    const user = await client.getCurrentUser();
    assert.equal(server.requests.last()?.path, '/v1/users/me');
    assert.equal(user.tenant?.name, 'Acme');
    assert.equal(user.type, 'service_account');
  });

  it('fails the way every read fails: FlexpriceApiError with kind, status and path', async () => {
    server.faults.set({ path: '/v1/environments', forbidden: 'permissions' });
    const refused = await apiFailure(client.listEnvironments());
    assert.equal(refused.kind, 'forbidden');
    assert.equal(refused.status, 403);
    assert.equal(refused.requestPath, '/v1/environments');

    server.faults.set({ path: '/v1/users/me', routeMissing: true });
    const missing = await apiFailure(client.getCurrentUser());
    assert.equal(missing.kind, 'not_found');

    server.faults.set({ path: '/v1/users/me', html: { status: 200 } });
    assert.equal((await apiFailure(client.getCurrentUser())).kind, 'invalid_response');
  });

  it('cancels with the signal', async () => {
    const abort = new AbortController();
    abort.abort();
    assert.equal((await apiFailure(client.listEnvironments(abort.signal))).kind, 'cancelled');
  });
});
