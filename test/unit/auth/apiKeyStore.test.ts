// First: ApiKeyStore imports `vscode`, which this module stands in for.
import '../vscodeStandIn';
import * as assert from 'node:assert/strict';
import { ApiKeyStore } from '../../../src/auth/apiKeyStore';
import { secretName } from '../../../src/connections/connection';
import { environmentConnection, memoryConnections } from '../connections/memoryStores';

const URL_A = 'https://us.api.flexprice.io/v1';

describe('ApiKeyStore', () => {
  let parts: ReturnType<typeof memoryConnections>;
  let keys: ApiKeyStore;
  let fired: number;

  /** The key store over a memory ConnectionStore; counts onDidChange. */
  function keyStore(options: Parameters<typeof memoryConnections>[0] = {}, ready?: Promise<void>) {
    parts = memoryConnections(options);
    keys = new ApiKeyStore(parts.store, ready);
    fired = 0;
    keys.onDidChange(() => (fired += 1));
    return parts;
  }

  afterEach(() => {
    keys.dispose();
    parts.dispose();
  });

  it('reads SecretStorage once for any number of asks until the key changes', async () => {
    const { store, secrets } = keyStore();
    const sandbox = await store.add({ name: 'Sandbox', apiUrl: URL_A }, 'sk_first');
    const reads = secrets.reads;
    assert.deepEqual(await Promise.all([keys.get(), keys.has(), keys.get()]), ['sk_first', true, 'sk_first']);
    assert.equal(await keys.get(), 'sk_first');
    assert.equal(secrets.reads, reads + 1);
    secrets.changeElsewhere(secretName(sandbox.id), 'sk_second');
    assert.equal(await keys.get(), 'sk_second');
    assert.equal(secrets.reads, reads + 2);
  });

  it('sees a key stored in another window, a new key and a cleared one', async () => {
    const { store, secrets } = keyStore();
    const sandbox = await store.add({ name: 'Sandbox', apiUrl: URL_A });
    assert.equal(await keys.has(), false);
    await keys.set('sk_first');
    assert.equal(await keys.get(), 'sk_first');
    secrets.changeElsewhere(secretName(sandbox.id), 'sk_from_elsewhere');
    assert.equal(await keys.get(), 'sk_from_elsewhere');
    await keys.set('  sk_second ');
    assert.equal(await keys.get(), 'sk_second');
    assert.equal(secrets.values.get(secretName(sandbox.id)), 'sk_second');
    assert.equal((await keys.clear())?.id, sandbox.id);
    assert.equal(await keys.get(), undefined);
    assert.equal(await keys.has(), false);
    assert.ok(store.get(sandbox.id), 'the connection stays');
    await assert.rejects(keys.set('   '), /empty/);
  });

  it('ignores changes to other secrets', async () => {
    const { store, secrets } = keyStore();
    await store.add({ name: 'Sandbox', apiUrl: URL_A }, 'sk_first');
    await keys.get();
    const reads = secrets.reads;
    fired = 0;
    secrets.changeElsewhere('another.extension.token', 'x');
    secrets.changeElsewhere('flexprice.apiKey', 'x');
    assert.equal(await keys.get(), 'sk_first');
    assert.equal(secrets.reads, reads);
    assert.equal(fired, 0);
  });

  it('asks again after a failed read', async () => {
    const { store, secrets } = keyStore();
    await store.add({ name: 'Sandbox', apiUrl: URL_A }, 'sk_first');
    secrets.failNextRead = true;
    await assert.rejects(keys.get(), /keychain is locked/);
    assert.equal(await keys.get(), 'sk_first');
  });

  it('uses FLEXPRICE_API_KEY when nothing is saved, cannot change it, and a saved connection comes first', async () => {
    const { store } = keyStore({ environment: [environmentConnection('FLEXPRICE_API_KEY', URL_A, 'sk_env')] });
    assert.equal(await keys.get(), 'sk_env');
    await assert.rejects(keys.set('sk_stored'), /comes from the environment/);
    assert.equal((await keys.clear())?.origin, 'environment');
    assert.equal(await keys.get(), 'sk_env', 'clearing leaves the environment\'s key');
    fired = 0;
    await store.add({ name: 'Stored', apiUrl: URL_A }, 'sk_stored');
    assert.equal(await keys.get(), 'sk_stored');
    assert.equal(fired, 1, 'the key in use changed');
  });

  it('refuses to set a key with no connection at all', async () => {
    keyStore();
    assert.equal(await keys.get(), undefined);
    assert.equal(await keys.active(), undefined);
    await assert.rejects(keys.set('sk_first'), /Add a connection first/);
    assert.equal(await keys.clear(), undefined);
  });

  it('fires onDidChange on a switch and on the active key\'s change, not on another key\'s or a rename', async () => {
    const { store, secrets } = keyStore();
    const sandbox = await store.add({ name: 'Sandbox', apiUrl: URL_A }, 'sk_sandbox');
    const production = await store.add({ name: 'Production', apiUrl: URL_A }, 'sk_production');
    fired = 0;
    await store.setKey(production.id, 'sk_production_2');
    secrets.changeElsewhere(secretName(production.id), 'sk_production_3');
    await store.update(sandbox.id, { name: 'Sandbox (renamed)' });
    assert.equal(fired, 0);
    await store.setActive(production.id);
    assert.equal(fired, 1);
    assert.equal(await keys.get(), 'sk_production_3');
    secrets.changeElsewhere(secretName(production.id), 'sk_production_4');
    assert.equal(fired, 2);
    assert.equal(await keys.get(), 'sk_production_4');
  });

  it('answers only once the old settings are moved', async () => {
    let moved!: () => void;
    const ready = new Promise<void>((resolve) => (moved = resolve));
    const { store } = keyStore({}, ready);
    let answered: string | undefined = 'not yet';
    const asked = keys.get().then((key) => (answered = key));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(answered, 'not yet');
    await store.add({ name: 'Migrated', apiUrl: URL_A }, 'sk_migrated');
    moved();
    await asked;
    assert.equal(answered, 'sk_migrated');
  });
});
