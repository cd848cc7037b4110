// First: ClientProvider and ApiKeyStore import `vscode`, which this module stands in for.
import { EventEmitter, settings } from '../vscodeStandIn';
import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import type * as vscode from 'vscode';
import { ApiKeyStore } from '../../../src/auth/apiKeyStore';
import { HttpConsent } from '../../../src/auth/httpConsent';
import { ClientProvider } from '../../../src/auth/clientProvider';
import { SILENT_LOGGER } from '../../../src/log/logger';
import { startFlexpriceServer, type LocalFlexpriceServer } from '../../server/flexpriceServer';

/** SecretStorage in memory that fires its change event as VS Code's does. */
function memorySecrets() {
  const values = new Map<string, string>();
  const changed = new EventEmitter<{ key: string }>();
  return {
    get: async (key: string) => values.get(key),
    store: async (key: string, value: string) => void (values.set(key, value), changed.fire({ key })),
    delete: async (key: string) => void (values.delete(key), changed.fire({ key })),
    onDidChange: changed.event,
  };
}

describe('ClientProvider', () => {
  const FIRST = 'fp_first_key_AAAA1111BBBB';
  const SECOND = 'fp_second_key_CCCC2222DDDD';
  let server: LocalFlexpriceServer;
  let keys: ApiKeyStore;
  let clients: ClientProvider;

  before(async () => {
    server = await startFlexpriceServer({ apiKey: SECOND });
    settings.set('flexprice.apiUrl', server.baseUrl);
  });
  after(async () => {
    settings.clear();
    await server.close();
  });
  beforeEach(async () => {
    keys = new ApiKeyStore(memorySecrets() as unknown as vscode.SecretStorage);
    const never = async () => undefined;
    clients = new ClientProvider(keys, 'tests', new HttpConsent({ get: () => undefined, update: async () => undefined }, never, SILENT_LOGGER), SILENT_LOGGER);
    await keys.set(FIRST);
  });
  afterEach(() => {
    clients.dispose();
    keys.dispose();
  });

  it('keeps no copy of the key: only the key store and the client\'s HTTP layer hold it', async () => {
    const client = await clients.get();
    assert.ok(client);
    const { keys: owner, ...rest } = clients as unknown as Record<string, unknown>;
    assert.equal(owner, keys);
    const shown = inspect(rest, { depth: 12, showHidden: true, getters: true });
    assert.ok(shown.includes('FlexpriceClient'), 'the cached client was inspected');
    assert.ok(!shown.includes(FIRST), shown);
  });

  it('reuses one client until the key changes, then sends the new key', async () => {
    const first = await clients.get();
    assert.equal(await clients.get(), first);
    await keys.set(SECOND);
    const second = await clients.get();
    assert.notEqual(second, first);
    server.requests.clear();
    await second!.listTasks({ limit: 1 });
    assert.equal(server.requests.last({ path: '/v1/tasks' })?.headers['x-api-key'], SECOND);
  });

  it('builds a new client when the URL setting changes, and none once the key is gone', async () => {
    const first = await clients.get();
    settings.set('flexprice.apiUrl', `${server.baseUrl}/`);
    assert.notEqual(await clients.get(), first);
    settings.set('flexprice.apiUrl', server.baseUrl);
    await keys.clear();
    assert.equal(await clients.get(), undefined);
  });
});
