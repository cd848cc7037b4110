import * as assert from 'node:assert/strict';
import { DEFAULT_API_URL, secretName } from '../../../src/connections/connection';
import { connectionsFromEnvironment, ENVIRONMENT_KEY_CONNECTION_ID, type LegacySettings } from '../../../src/connections/environmentConnections';
import { LEGACY_SECRET, migrateLegacySettings } from '../../../src/connections/legacyMigration';
import { recentIdsKey, watchedIdsKey } from '../../../src/storage/perConnectionState';
import { MemorySecrets, MemoryState, memoryConnections } from './memoryStores';

const OLD_KEY = 'fp_old_key_kept_7d2e';
const OLD_RECENT = ['task_recent_1', 'task_recent_2', 'task_recent_3'];
const OLD_WATCHED = ['task_watched_1', 'task_watched_2'];
const SELF_HOSTED: LegacySettings = { apiUrl: 'https://billing.example.com/v1', environmentId: 'env_old' };

/** What a user of the version before connections had: maybe a key, maybe lists, old settings. */
function before(options: { key?: string; lists?: boolean; env?: Record<string, string> } = {}) {
  const state = new MemoryState(options.lists === false ? {} : { 'flexprice.recentTaskIds': OLD_RECENT, 'flexprice.watchedTaskIds': OLD_WATCHED });
  const secrets = new MemorySecrets(options.key ? { [LEGACY_SECRET]: options.key } : {});
  return { state, secrets, env: options.env ?? {} };
}

async function migrate(old: ReturnType<typeof before>, legacy: LegacySettings) {
  const environment = connectionsFromEnvironment(old.env, legacy).connections;
  const parts = memoryConnections({ state: old.state, secrets: old.secrets, environment });
  const migrated = await migrateLegacySettings(old.state, old.secrets, parts.store, legacy);
  return { ...parts, migrated };
}

describe('moving the settings of earlier versions into a connection', () => {
  let parts: Awaited<ReturnType<typeof migrate>> | undefined;
  afterEach(() => parts?.dispose());

  it('makes the old key and settings one connection, with the key moved and nothing lost', async () => {
    const old = before({ key: OLD_KEY });
    parts = await migrate(old, SELF_HOSTED);
    const { store, state, secrets, migrated } = parts;
    assert.ok(migrated);
    assert.equal(store.list().length, 1);
    const connection = store.get(migrated)!;
    assert.equal(store.active()?.id, migrated);
    // Every old value is found in its new place.
    assert.equal(connection.apiUrl, SELF_HOSTED.apiUrl);
    assert.equal(connection.environmentId, SELF_HOSTED.environmentId);
    assert.equal(connection.name, 'billing.example.com');
    assert.equal(connection.origin, 'saved');
    assert.equal(await store.key(migrated), OLD_KEY);
    assert.equal(secrets.values.get(secretName(migrated)), OLD_KEY);
    assert.deepEqual(state.get(recentIdsKey(migrated)), OLD_RECENT);
    assert.deepEqual(state.get(watchedIdsKey(migrated)), OLD_WATCHED);
    // And the old places are emptied, the old secret only after the new one was stored.
    assert.equal(secrets.values.has(LEGACY_SECRET), false);
    assert.deepEqual(secrets.operations, [`store ${secretName(migrated)}`, `delete ${LEGACY_SECRET}`]);
    assert.equal(state.get('flexprice.recentTaskIds'), undefined);
    assert.equal(state.get('flexprice.watchedTaskIds'), undefined);
  });

  it('names a key kept for the default URL after Flexprice Cloud US, and lets identification rename it', async () => {
    parts = await migrate(before({ key: OLD_KEY }), {});
    const connection = parts.store.get(parts.migrated!)!;
    assert.equal(connection.name, 'Flexprice Cloud US');
    assert.equal(connection.apiUrl, DEFAULT_API_URL);
    assert.equal(connection.environmentId, undefined);
    await parts.store.setIdentity(connection.id, { tenantName: 'Acme', environmentName: 'Sandbox' }, 'Acme · Sandbox');
    assert.equal(parts.store.get(connection.id)?.name, 'Acme · Sandbox', 'named by the extension, so renamed');
  });

  it('runs once: a second call changes nothing', async () => {
    const old = before({ key: OLD_KEY });
    parts = await migrate(old, SELF_HOSTED);
    const state = old.state.snapshot();
    const operations = old.secrets.operations.length;
    // An older version still running somewhere writes its key and lists again.
    old.secrets.values.set(LEGACY_SECRET, 'fp_written_again');
    await old.state.update('flexprice.recentTaskIds', ['task_again']);
    assert.equal(await migrateLegacySettings(old.state, old.secrets, parts.store, SELF_HOSTED), undefined);
    assert.equal(parts.store.list().length, 1);
    assert.deepEqual(old.state.snapshot(), { ...state, 'flexprice.recentTaskIds': ['task_again'] });
    assert.equal(old.secrets.operations.length, operations);
    assert.equal(old.secrets.values.get(LEGACY_SECRET), 'fp_written_again');
  });

  it('makes no connection when nothing was stored and the settings are the defaults', async () => {
    for (const legacy of [{}, { apiUrl: DEFAULT_API_URL }, { apiUrl: ` ${DEFAULT_API_URL} `, environmentId: '  ' }]) {
      const old = before({ lists: false });
      parts = await migrate(old, legacy);
      assert.equal(parts.migrated, undefined, JSON.stringify(legacy));
      assert.deepEqual(parts.store.list(), []);
      assert.deepEqual(old.secrets.operations, []);
      assert.deepEqual(old.state.snapshot(), { 'flexprice.connectionsMigrated': true });
      parts.dispose();
      parts = undefined;
    }
  });

  it('makes customised settings without a key a keyless connection that keeps the lists', async () => {
    parts = await migrate(before(), SELF_HOSTED);
    const { store, state, migrated } = parts;
    assert.ok(migrated);
    assert.deepEqual(store.get(migrated), { id: migrated, name: 'billing.example.com', apiUrl: SELF_HOSTED.apiUrl, environmentId: 'env_old', origin: 'saved' });
    assert.equal(await store.key(migrated), undefined);
    assert.deepEqual(parts.secrets.operations, []);
    assert.deepEqual(state.get(recentIdsKey(migrated)), OLD_RECENT);
    assert.deepEqual(state.get(watchedIdsKey(migrated)), OLD_WATCHED);
  });

  it('leaves customised settings to FLEXPRICE_API_KEY when it is set, and gives it the lists', async () => {
    parts = await migrate(before({ env: { FLEXPRICE_API_KEY: 'fp_env_key' } }), SELF_HOSTED);
    const { store, state, migrated } = parts;
    assert.equal(migrated, undefined);
    assert.deepEqual(store.list().map(({ id }) => id), [ENVIRONMENT_KEY_CONNECTION_ID]);
    const fromEnvironment = store.get(ENVIRONMENT_KEY_CONNECTION_ID)!;
    assert.equal(fromEnvironment.apiUrl, SELF_HOSTED.apiUrl, 'the old settings still say where it goes');
    assert.equal(fromEnvironment.environmentId, SELF_HOSTED.environmentId);
    assert.deepEqual(state.get(recentIdsKey(ENVIRONMENT_KEY_CONNECTION_ID)), OLD_RECENT);
    assert.deepEqual(state.get(watchedIdsKey(ENVIRONMENT_KEY_CONNECTION_ID)), OLD_WATCHED);
    assert.equal(state.get('flexprice.recentTaskIds'), undefined);
  });

  it('moves a stored key even with FLEXPRICE_API_KEY set (the stored one was the one in use) and keeps it active', async () => {
    parts = await migrate(before({ key: OLD_KEY, env: { FLEXPRICE_API_KEY: 'fp_env_key' } }), {});
    const { store, state, migrated } = parts;
    assert.ok(migrated);
    assert.deepEqual(store.list().map(({ id }) => id), [migrated, ENVIRONMENT_KEY_CONNECTION_ID]);
    assert.equal(store.active()?.id, migrated);
    assert.equal(await store.key(migrated), OLD_KEY);
    assert.deepEqual(state.get(recentIdsKey(migrated)), OLD_RECENT);
    assert.equal(state.get(recentIdsKey(ENVIRONMENT_KEY_CONNECTION_ID)), undefined);
  });

  it('picks a free name when the obvious one is taken', async () => {
    const old = before({ key: OLD_KEY });
    const existing = memoryConnections({ state: old.state, secrets: old.secrets });
    await existing.store.add({ name: 'Flexprice Cloud US', apiUrl: DEFAULT_API_URL });
    existing.dispose();
    parts = await migrate(old, {});
    assert.deepEqual(parts.store.list().map(({ name }) => name), ['Flexprice Cloud US', 'Flexprice Cloud US 2']);
  });

  it('names a connection to a very long host name within the 80 characters a name may have', async () => {
    const host = `${'billing-'.repeat(12)}example.com`;
    parts = await migrate(before({ key: OLD_KEY }), { apiUrl: `https://${host}/v1` });
    const connection = parts.store.get(parts.migrated!)!;
    assert.equal(connection.apiUrl, `https://${host}/v1`);
    assert.ok(connection.name.length <= 80, connection.name);
    assert.ok(host.startsWith(connection.name.replace(/…$/, '')), connection.name);
  });

  it('keeps the old key where it was when the new one cannot be stored, and tries again next time', async () => {
    const old = before({ key: OLD_KEY });
    old.secrets.failStore = true;
    await assert.rejects(migrate(old, SELF_HOSTED), /read-only/);
    assert.equal(old.secrets.values.get(LEGACY_SECRET), OLD_KEY);
    assert.deepEqual(old.state.get('flexprice.recentTaskIds'), OLD_RECENT);
    assert.equal(old.state.get('flexprice.connectionsMigrated'), undefined);

    old.secrets.failStore = false;
    parts = await migrate(old, SELF_HOSTED);
    assert.equal(await parts.store.key(parts.migrated!), OLD_KEY);
  });

  it('never guesses where a key goes: an old URL that cannot be used leaves the key where it was, says why, and is not retried', async () => {
    const old = before({ key: OLD_KEY });
    const environment = connectionsFromEnvironment(old.env, { apiUrl: 'ftp://billing.example.com' }).connections;
    const made = memoryConnections({ state: old.state, secrets: old.secrets, environment });
    parts = { ...made, migrated: undefined };
    await assert.rejects(migrateLegacySettings(old.state, old.secrets, made.store, { apiUrl: 'ftp://billing.example.com' }), /cannot be used/);
    assert.deepEqual(made.store.list(), [], 'no connection to a URL made up for the key');
    assert.equal(old.secrets.values.get(LEGACY_SECRET), OLD_KEY, 'the old key is still stored');
    assert.equal(await migrateLegacySettings(old.state, old.secrets, made.store, { apiUrl: 'ftp://billing.example.com' }), undefined, 'the next start does not fail again');
  });

  it('takes the default URL with a trailing slash as the default', async () => {
    parts = await migrate(before({ lists: false }), { apiUrl: `${DEFAULT_API_URL}/` });
    assert.equal(parts.migrated, undefined);
    assert.deepEqual(parts.store.list(), []);
  });
});
