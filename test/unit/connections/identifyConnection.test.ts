import { isProductionIdentity } from '../../../src/connections/connection';
import * as assert from 'node:assert/strict';
import { FlexpriceApiError } from '../../../src/api/apiError';
import { FlexpriceClient } from '../../../src/api/flexpriceClient';
import {
  type ConnectionIdentity,
  type IdentitySource,
  identifyConnection,
  suggestedConnectionName,
} from '../../../src/connections/identifyConnection';
import type { Logger } from '../../../src/log/logger';
import {
  DEFAULT_TENANT,
  type FaultSpec,
  PRODUCTION_API_KEY,
  PRODUCTION_ENVIRONMENT_ID,
  SANDBOX_API_KEY,
  SANDBOX_ENVIRONMENT_ID,
  startFlexpriceServer,
  twoEnvironments,
  type LocalFlexpriceServer,
} from '../../server/flexpriceServer';

const SANDBOX: ConnectionIdentity = {
  tenantId: DEFAULT_TENANT.id,
  tenantName: 'Acme',
  environmentId: SANDBOX_ENVIRONMENT_ID,
  environmentName: 'Sandbox',
  environmentType: 'development',
};

const PRODUCTION: ConnectionIdentity = {
  tenantId: DEFAULT_TENANT.id,
  tenantName: 'Acme',
  environmentId: PRODUCTION_ENVIRONMENT_ID,
  environmentName: 'Production',
  environmentType: 'production',
};

function clientFor(server: LocalFlexpriceServer, apiKey: string, timeoutMs = 5_000): FlexpriceClient {
  return new FlexpriceClient({ apiUrl: server.baseUrl, apiKey, timeoutMs, userAgent: 'flexprice-tasks-tests/1.0' });
}

/** Records what identification logs, by level. */
function recordingLog() {
  const lines: { level: keyof Logger; message: string }[] = [];
  const at = (level: keyof Logger) => (message: string) => void lines.push({ level, message });
  const log: Logger = { trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { log, lines };
}

/** What is left of an identity when one step fails. */
function without(identity: ConnectionIdentity, ...keys: (keyof ConnectionIdentity)[]): ConnectionIdentity {
  return Object.fromEntries(Object.entries(identity).filter(([key]) => !keys.includes(key as keyof ConnectionIdentity)));
}

const REFUSALS: { what: string; fault: Omit<FaultSpec, 'path'> }[] = [
  { what: '403 insufficient permissions', fault: { forbidden: 'permissions' } },
  { what: '403 inaccessible environment', fault: { forbidden: 'environment' } },
  { what: '404 on an older server', fault: { routeMissing: true } },
  { what: '500', fault: { serverError: { status: 500 } } },
  { what: '502 HTML from a proxy', fault: { serverError: { status: 502, body: 'html' } } },
  { what: '200 HTML from a captive portal', fault: { html: { status: 200 } } },
  { what: 'truncated JSON', fault: { malformedJson: true } },
  { what: 'a dropped connection', fault: { dropConnection: true } },
];

describe('identifyConnection on the local server', () => {
  let server: LocalFlexpriceServer;
  before(async () => {
    server = await startFlexpriceServer({ environments: twoEnvironments() });
  });
  after(() => server.close());
  afterEach(() => {
    server.faults.clear();
    server.identityRoutes = true;
  });

  it('identifies the Sandbox key: tenant, environment, type development', async () => {
    const identity = await identifyConnection(clientFor(server, SANDBOX_API_KEY));
    assert.deepEqual(identity, SANDBOX);
    assert.equal(isProductionIdentity(identity), false);
    assert.equal(suggestedConnectionName(identity), 'Acme · Sandbox');
  });

  it('identifies the Production key: type production, matched by id and not by position', async () => {
    const before = server.requests.all().length;
    const identity = await identifyConnection(clientFor(server, PRODUCTION_API_KEY));
    assert.deepEqual(identity, PRODUCTION);
    assert.equal(isProductionIdentity(identity), true);
    assert.equal(suggestedConnectionName(identity), 'Acme · Production');
    const sent = server.requests.all().slice(before).map(({ path, query }) => `${path}${query.limit ? `?limit=${query.limit}` : ''}`);
    assert.deepEqual([...sent].sort(), ['/v1/environments', '/v1/tasks?limit=1', '/v1/users/me']);
  });

  it('sends the three requests in parallel: all arrive while none is answered', async () => {
    server.faults.set({ pathPrefix: '/v1/', hang: true });
    const before = server.requests.all().length;
    const abort = new AbortController();
    const identifying = identifyConnection(clientFor(server, PRODUCTION_API_KEY), { signal: abort.signal });
    for (let i = 0; i < 400 && server.requests.all().length - before < 3; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(server.requests.all().length - before, 3);
    abort.abort();
    assert.deepEqual(await identifying, {});
  });

  for (const { what, fault } of REFUSALS) {
    describe(`when a request meets ${what}`, () => {
      it('GET /tasks: the tenant still comes from /users/me, the environment from the configured ID', async () => {
        server.faults.set({ path: '/v1/tasks', ...fault });
        const client = clientFor(server, PRODUCTION_API_KEY);
        assert.deepEqual(await identifyConnection(client), { tenantId: DEFAULT_TENANT.id, tenantName: 'Acme' });
        assert.deepEqual(await identifyConnection(client, { environmentId: PRODUCTION_ENVIRONMENT_ID }), PRODUCTION);
      });

      it('GET /environments: no name or type, the rest is known', async () => {
        server.faults.set({ path: '/v1/environments', ...fault });
        const identity = await identifyConnection(clientFor(server, PRODUCTION_API_KEY));
        assert.deepEqual(identity, without(PRODUCTION, 'environmentName', 'environmentType'));
        assert.equal(isProductionIdentity(identity), false, 'not known to be Production');
        assert.equal(suggestedConnectionName(identity), 'Acme');
      });

      it('GET /users/me: no tenant name, the rest is known', async () => {
        server.faults.set({ path: '/v1/users/me', ...fault });
        const identity = await identifyConnection(clientFor(server, PRODUCTION_API_KEY));
        assert.deepEqual(identity, without(PRODUCTION, 'tenantName'));
        assert.equal(suggestedConnectionName(identity), 'Production');
      });

      it('all three at once: nothing but the configured ID, and no throw', async () => {
        server.faults.set({ pathPrefix: '/v1/', ...fault });
        const client = clientFor(server, PRODUCTION_API_KEY);
        assert.deepEqual(await identifyConnection(client), {});
        assert.deepEqual(await identifyConnection(client, { environmentId: ' env_configured ' }), { environmentId: 'env_configured' });
      });
    });
  }

  it('logs each skipped step once, at info level, saying why', async () => {
    server.faults.set({ path: '/v1/environments', forbidden: 'permissions' });
    const { log, lines } = recordingLog();
    await identifyConnection(clientFor(server, PRODUCTION_API_KEY), { log });
    assert.equal(lines.length, 1, JSON.stringify(lines));
    assert.equal(lines[0].level, 'info');
    assert.match(lines[0].message, /GET \/environments skipped: forbidden \(403\)/);
    assert.ok(!lines[0].message.includes(PRODUCTION_API_KEY));
  });

  it('reads an older server without the identity routes: the IDs from the first task', async () => {
    server.identityRoutes = false;
    const { log, lines } = recordingLog();
    const identity = await identifyConnection(clientFor(server, SANDBOX_API_KEY), { log });
    assert.deepEqual(identity, { tenantId: DEFAULT_TENANT.id, environmentId: SANDBOX_ENVIRONMENT_ID });
    assert.equal(suggestedConnectionName(identity), undefined);
    assert.deepEqual(lines.map(({ level }) => level), ['info', 'info']);
  });

  it('gives up on a request that hangs, keeping what the others said', async () => {
    server.faults.set({ path: '/v1/users/me', hang: true });
    const started = Date.now();
    const identity = await identifyConnection(clientFor(server, PRODUCTION_API_KEY), { timeoutMs: 200 });
    assert.ok(Date.now() - started < 2_000);
    assert.deepEqual(identity, without(PRODUCTION, 'tenantName'));
  });

  it('stops when the caller aborts, and sends nothing when aborted already', async () => {
    server.faults.set({ pathPrefix: '/v1/', hang: true });
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 50);
    assert.deepEqual(await identifyConnection(clientFor(server, PRODUCTION_API_KEY), { signal: abort.signal, environmentId: 'env_x' }), { environmentId: 'env_x' });

    server.faults.clear();
    const before = server.requests.all().length;
    const { log, lines } = recordingLog();
    assert.deepEqual(await identifyConnection(clientFor(server, PRODUCTION_API_KEY), { signal: abort.signal, log }), {});
    assert.equal(server.requests.all().length, before);
    assert.equal(lines.length, 3);
  });

  it('answers with nothing, quickly, when the server is not there', async () => {
    const gone = await startFlexpriceServer({ seedTasks: false });
    await gone.close();
    const started = Date.now();
    assert.deepEqual(await identifyConnection(clientFor(gone, gone.apiKey)), {});
    assert.ok(Date.now() - started < 2_000);
  });
});

describe('identifyConnection with other environments', () => {
  it('takes the environment from the configured ID when there are no tasks yet', async () => {
    const server = await startFlexpriceServer({ environments: twoEnvironments(), seedTasks: false });
    try {
      const client = clientFor(server, PRODUCTION_API_KEY);
      assert.deepEqual(await identifyConnection(client, { environmentId: PRODUCTION_ENVIRONMENT_ID }), PRODUCTION);
      assert.deepEqual(await identifyConnection(client), { tenantId: DEFAULT_TENANT.id, tenantName: 'Acme' }, 'no guess among the environments');
    } finally {
      await server.close();
    }
  });

  it('keeps an environment type no one knows yet, lower-cased', async () => {
    const server = await startFlexpriceServer({
      tenant: { id: 'tenant_globex', name: 'Globex' },
      environments: [{ id: 'env_staging', name: '', type: 'Staging', apiKey: 'fp_staging_key_local' }],
    });
    try {
      const identity = await identifyConnection(clientFor(server, 'fp_staging_key_local'));
      assert.deepEqual(identity, { tenantId: 'tenant_globex', tenantName: 'Globex', environmentId: 'env_staging', environmentType: 'staging' });
      assert.equal(isProductionIdentity(identity), false);
      assert.equal(suggestedConnectionName(identity), 'Globex · Staging');
    } finally {
      await server.close();
    }
  });
});

describe('identifyConnection with odd answers', () => {
  const source = (overrides: Partial<IdentitySource>): IdentitySource => ({
    listTasks: () => Promise.resolve({ items: [], unreadable: [], pagination: { total: 0, limit: 1, offset: 0 } }),
    listEnvironments: () => Promise.resolve({ environments: [], total: 0 }),
    getCurrentUser: () => Promise.resolve({}),
    ...overrides,
  });

  it('never rejects, whatever the source throws, synchronously or not', async () => {
    const identity = await identifyConnection(
      source({
        listTasks: () => {
          throw new TypeError('not a function');
        },
        listEnvironments: () => Promise.reject(new FlexpriceApiError('server_error', 'boom', { status: 500 })),
        getCurrentUser: () => Promise.reject(new Error('something else')),
      }),
    );
    assert.deepEqual(identity, {});
  });

  it('names the tenant only when /users/me speaks of the task’s tenant', async () => {
    const task = { id: 'task_1', environment_id: 'env_1', tenant_id: 'tenant_1' };
    const tasks = () => Promise.resolve({ items: [task], unreadable: [], pagination: { total: 1, limit: 1, offset: 0 } });
    const other = await identifyConnection(source({ listTasks: tasks, getCurrentUser: () => Promise.resolve({ tenant: { id: 'tenant_2', name: 'Other' } }) }));
    assert.deepEqual(other, { tenantId: 'tenant_1', environmentId: 'env_1' });
    const same = await identifyConnection(source({ listTasks: tasks, getCurrentUser: () => Promise.resolve({ tenant: { id: 'tenant_1', name: ' Acme ' } }) }));
    assert.deepEqual(same, { tenantId: 'tenant_1', tenantName: 'Acme', environmentId: 'env_1' });
  });

  it('leaves out empty strings the server sent', async () => {
    const identity = await identifyConnection(
      source({
        listTasks: () => Promise.resolve({ items: [{ id: 't', environment_id: '', tenant_id: '' }], unreadable: [], pagination: { total: 1, limit: 1, offset: 0 } }),
        getCurrentUser: () => Promise.resolve({ tenant: { id: '', name: '' } }),
      }),
      { environmentId: '   ' },
    );
    assert.deepEqual(identity, {});
  });
});

describe('suggestedConnectionName and isProductionIdentity', () => {
  it('joins tenant and environment name', () => {
    assert.equal(suggestedConnectionName(PRODUCTION), 'Acme · Production');
  });

  it('uses the type, capitalised, when the environment has no name', () => {
    assert.equal(suggestedConnectionName({ tenantName: 'Acme', environmentType: 'development' }), 'Acme · Development');
    assert.equal(suggestedConnectionName({ environmentName: '  ', environmentType: 'production' }), 'Production');
  });

  it('drops what is unknown, and is undefined when nothing is', () => {
    assert.equal(suggestedConnectionName({ tenantName: 'Acme' }), 'Acme');
    assert.equal(suggestedConnectionName({ environmentName: 'Sandbox' }), 'Sandbox');
    assert.equal(suggestedConnectionName({ tenantId: 'tenant_1', environmentId: 'env_1' }), undefined);
    assert.equal(suggestedConnectionName({}), undefined);
  });

  it('calls only the production type Production', () => {
    assert.equal(isProductionIdentity({ environmentType: 'production' }), true);
    assert.equal(isProductionIdentity({ environmentType: 'development', environmentName: 'Production' }), false);
    assert.equal(isProductionIdentity({}), false);
    assert.equal(isProductionIdentity(undefined), false);
  });
});
