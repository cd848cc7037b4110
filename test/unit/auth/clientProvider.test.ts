// First: ClientProvider and ApiKeyStore import `vscode`, which this module stands in for.
import { settings } from '../vscodeStandIn';
import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { ApiKeyStore } from '../../../src/auth/apiKeyStore';
import { HttpConsent } from '../../../src/auth/httpConsent';
import { ClientProvider } from '../../../src/auth/clientProvider';
import { type Connection, secretName } from '../../../src/connections/connection';
import { SILENT_LOGGER } from '../../../src/log/logger';
import { startFlexpriceServer, type LocalFlexpriceServer } from '../../server/flexpriceServer';
import { memoryConnections } from '../connections/memoryStores';

describe('ClientProvider', () => {
  const SANDBOX_KEY = 'fp_sandbox_key_AAAA1111BBBB';
  const PRODUCTION_KEY = 'fp_production_key_CCCC2222DDDD';
  // Two servers, one a connection, so where a request lands proves which URL it went to.
  let sandboxServer: LocalFlexpriceServer;
  let productionServer: LocalFlexpriceServer;
  let parts: ReturnType<typeof memoryConnections>;
  let keys: ApiKeyStore;
  let clients: ClientProvider;
  let sandbox: Connection;
  let production: Connection;
  let fired: number;

  before(async () => {
    [sandboxServer, productionServer] = await Promise.all([startFlexpriceServer({ apiKey: SANDBOX_KEY }), startFlexpriceServer({ apiKey: PRODUCTION_KEY })]);
  });
  after(async () => {
    settings.clear();
    await Promise.all([sandboxServer.close(), productionServer.close()]);
  });
  beforeEach(async () => {
    parts = memoryConnections();
    keys = new ApiKeyStore(parts.store);
    const never = async () => undefined;
    clients = new ClientProvider(keys, 'tests', new HttpConsent({ get: () => undefined, update: async () => undefined }, never, SILENT_LOGGER), SILENT_LOGGER);
    sandbox = await parts.store.add({ name: 'Acme · Sandbox', apiUrl: sandboxServer.baseUrl }, SANDBOX_KEY);
    production = await parts.store.add({ name: 'Acme · Production', apiUrl: productionServer.baseUrl }, PRODUCTION_KEY);
    fired = 0;
    clients.onDidChange(() => (fired += 1));
    sandboxServer.requests.clear();
    productionServer.requests.clear();
  });
  afterEach(() => {
    settings.clear();
    clients.dispose();
    keys.dispose();
    parts.dispose();
  });

  /** Sends one request with the client and says which server got it, with which key. */
  async function landing(client: Awaited<ReturnType<ClientProvider['get']>>): Promise<{ server: string; key: string | undefined }> {
    assert.ok(client, 'a client');
    sandboxServer.requests.clear();
    productionServer.requests.clear();
    await client.listTasks({ limit: 1 });
    const [atSandbox, atProduction] = [sandboxServer, productionServer].map((server) => server.requests.last({ path: '/v1/tasks' }));
    assert.ok(!(atSandbox && atProduction), 'one request, one server');
    const arrived = atSandbox ?? atProduction;
    return { server: atSandbox ? 'sandbox' : atProduction ? 'production' : 'none', key: arrived?.headers['x-api-key'] };
  }

  it('keeps no copy of the key: only the key store and the client\'s HTTP layer hold it', async () => {
    const client = await clients.get();
    assert.ok(client);
    const { keys: owner, ...rest } = clients as unknown as Record<string, unknown>;
    assert.equal(owner, keys);
    const shown = inspect(rest, { depth: 12, showHidden: true, getters: true });
    assert.ok(shown.includes('FlexpriceClient'), 'the cached client was inspected');
    assert.ok(!shown.includes(SANDBOX_KEY), shown);
  });

  it('gives the active connection\'s client, with its key and URL', async () => {
    const bound = await clients.active();
    assert.equal(bound?.connection.id, sandbox.id);
    assert.equal(await clients.get(), bound?.client);
    assert.deepEqual(await landing(await clients.get()), { server: 'sandbox', key: SANDBOX_KEY });
    assert.equal(clients.activeConnectionId, sandbox.id);
    assert.equal(clients.apiUrl, sandboxServer.baseUrl);
  });

  it('after a switch gives the other connection\'s client, with the other key and URL, and fires onDidChange', async () => {
    const before = await clients.get();
    await parts.store.setActive(production.id);
    assert.equal(fired, 1);
    const after = await clients.get();
    assert.notEqual(after, before);
    assert.deepEqual(await landing(after), { server: 'production', key: PRODUCTION_KEY });
    assert.equal((await clients.active())?.connection.id, production.id);
    assert.equal(clients.apiUrl, productionServer.baseUrl);
    await parts.store.setActive(sandbox.id);
    assert.equal(fired, 2);
    assert.deepEqual(await landing(await clients.get()), { server: 'sandbox', key: SANDBOX_KEY });
  });

  it('forConnection gives a connection that is not active its own key and URL', async () => {
    assert.deepEqual(await landing(await clients.forConnection(production.id)), { server: 'production', key: PRODUCTION_KEY });
    assert.equal(clients.activeConnectionId, sandbox.id, 'still the active one');
    assert.deepEqual(await landing(await clients.get()), { server: 'sandbox', key: SANDBOX_KEY });
    assert.equal(fired, 0);
  });

  it('reuses one client until the key changes, then sends the new key', async () => {
    const first = await clients.get();
    assert.equal(await clients.get(), first);
    await keys.set(PRODUCTION_KEY);
    assert.ok(fired >= 1, 'the active key changed');
    const second = await clients.get();
    assert.notEqual(second, first);
    // The sandbox server only knows its own key: a 401 there would prove the new key went.
    await assert.rejects(second!.listTasks({ limit: 1 }));
    assert.equal(sandboxServer.requests.last({ path: '/v1/tasks' })?.headers['x-api-key'], PRODUCTION_KEY);
  });

  it('sees a key changed in another window, and fires only for the active connection\'s', async () => {
    const production1 = await clients.forConnection(production.id);
    parts.secrets.changeElsewhere(secretName(production.id), 'fp_production_rotated');
    assert.equal(fired, 0, 'another connection\'s key is not the one in use');
    const production2 = await clients.forConnection(production.id);
    assert.notEqual(production2, production1);
    await assert.rejects(production2!.listTasks({ limit: 1 }));
    assert.equal(productionServer.requests.last({ path: '/v1/tasks' })?.headers['x-api-key'], 'fp_production_rotated');

    const active1 = await clients.get();
    parts.secrets.changeElsewhere(secretName(sandbox.id), 'fp_sandbox_rotated');
    assert.equal(fired, 1);
    assert.notEqual(await clients.get(), active1);
  });

  it('builds a new client when the URL or the timeout changes, and none once the key is gone', async () => {
    const first = await clients.get();
    await parts.store.update(sandbox.id, { apiUrl: productionServer.baseUrl });
    assert.ok(fired >= 1, 'what the active client sends changed');
    const moved = await clients.get();
    assert.notEqual(moved, first);
    // The production server refuses the sandbox key (401), but the request did go there, with it.
    await assert.rejects(moved!.listTasks({ limit: 1 }));
    assert.equal(sandboxServer.requests.count({ path: '/v1/tasks' }), 0);
    assert.equal(productionServer.requests.last({ path: '/v1/tasks' })?.headers['x-api-key'], SANDBOX_KEY);

    settings.set('flexprice.requestTimeoutSeconds', 12);
    assert.notEqual(await clients.get(), moved);

    await keys.clear();
    assert.equal(await clients.get(), undefined);
    assert.equal(await clients.active(), undefined);
    assert.ok(await clients.forConnection(production.id), 'the other connection keeps its key');
  });

  it('gives undefined for a removed connection, and the next one\'s client when the active one is removed', async () => {
    assert.ok(await clients.forConnection(production.id));
    await parts.store.remove(production.id);
    assert.equal(await clients.forConnection(production.id), undefined);
    assert.equal(await clients.forConnection('never-existed'), undefined);
    assert.equal(fired, 0);

    await parts.store.remove(sandbox.id);
    assert.equal(fired, 1, 'the active one went');
    assert.equal(await clients.get(), undefined);
    assert.equal(clients.activeConnectionId, undefined);
    assert.equal(clients.apiUrl, '');
  });

  it('probes a connection not saved yet, keeping nothing of it', async () => {
    const probe = await clients.probe({ apiUrl: productionServer.baseUrl }, PRODUCTION_KEY);
    assert.deepEqual(await landing(probe), { server: 'production', key: PRODUCTION_KEY });
    assert.deepEqual(await landing(await clients.get()), { server: 'sandbox', key: SANDBOX_KEY });
    assert.equal(fired, 0);
  });
});
