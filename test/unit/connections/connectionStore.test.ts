import * as assert from 'node:assert/strict';
import { type Connection, secretName } from '../../../src/connections/connection';
import { ACTIVE_CONNECTION_KEY, CONNECTIONS_KEY, type ConnectionChange } from '../../../src/connections/connectionStore';
import { keptPageKey, perConnectionKeys, recentIdsKey, watchedIdsKey } from '../../../src/storage/perConnectionState';
import { environmentConnection, MemorySecrets, MemoryState, memoryConnections } from './memoryStores';

const SANDBOX_URL = 'https://us.api.flexprice.io/v1';
const PRODUCTION_URL = 'https://billing.example.com/v1';
const SANDBOX_KEY = 'fp_sandbox_key_1111';
const PRODUCTION_KEY = 'fp_production_key_2222';
const ACME_PRODUCTION = { tenantId: 'tenant_1', tenantName: 'Acme', environmentId: 'env_prod', environmentName: 'Production', environmentType: 'production' };

const kinds = (changes: ConnectionChange[]) => changes.map((change) => change.kind);

describe('ConnectionStore', () => {
  let parts: ReturnType<typeof memoryConnections>;
  afterEach(() => parts?.dispose());

  /** A store holding "Acme · Sandbox" and "Acme · Production", each with its key; changes cleared. */
  async function twoConnections(options: Parameters<typeof memoryConnections>[0] = {}) {
    parts = memoryConnections(options);
    const sandbox = await parts.store.add({ name: 'Acme · Sandbox', apiUrl: SANDBOX_URL }, SANDBOX_KEY);
    const production = await parts.store.add({ name: 'Acme · Production', apiUrl: PRODUCTION_URL, environmentId: 'env_prod' }, PRODUCTION_KEY);
    parts.changes.length = 0;
    return { ...parts, sandbox, production };
  }

  describe('adding and finding', () => {
    it('lists connections in the order added, finds them by ID and by name in any case', async () => {
      const { store, sandbox, production } = await twoConnections();
      assert.notEqual(sandbox.id, production.id);
      assert.deepEqual(store.list(), [
        { id: sandbox.id, name: 'Acme · Sandbox', apiUrl: SANDBOX_URL, origin: 'saved' },
        { id: production.id, name: 'Acme · Production', apiUrl: PRODUCTION_URL, environmentId: 'env_prod', origin: 'saved' },
      ]);
      assert.deepEqual(store.get(production.id), production);
      assert.equal(store.get('no-such-id'), undefined);
      assert.equal(store.byName('  acme · PRODUCTION ')?.id, production.id);
      assert.equal(store.byName('Acme'), undefined);
    });

    it('trims what it is given, keeps no secret in global storage and fires "list"', async () => {
      parts = memoryConnections();
      const added = await parts.store.add({ name: '  Acme · Sandbox ', apiUrl: ` ${SANDBOX_URL} `, environmentId: '  ' }, '  fp_padded_key  ');
      assert.deepEqual(added, { id: added.id, name: 'Acme · Sandbox', apiUrl: SANDBOX_URL, origin: 'saved' });
      assert.equal(parts.secrets.values.get(secretName(added.id)), 'fp_padded_key');
      assert.ok(!JSON.stringify(parts.state.snapshot()).includes('fp_padded_key'), 'the key is only in SecretStorage');
      assert.ok(kinds(parts.changes).includes('list'));
    });

    it('adds a connection without a key, and stores nothing when the URL is unusable', async () => {
      parts = memoryConnections();
      const keyless = await parts.store.add({ name: 'Self-hosted', apiUrl: 'http://localhost:8080/v1' });
      assert.equal(await parts.store.key(keyless.id), undefined);
      assert.deepEqual(parts.secrets.operations, []);
      await assert.rejects(parts.store.add({ name: 'Broken', apiUrl: 'billing.example.com' }, 'fp_never_stored'), /Not a URL/);
      await assert.rejects(parts.store.add({ name: 'With user', apiUrl: 'https://me:pw@billing.example.com/v1' }, 'fp_never_stored'), /credentials/);
      assert.deepEqual(parts.store.list().map(({ name }) => name), ['Self-hosted']);
      assert.deepEqual(parts.secrets.operations, [], 'no key stored for a connection that was refused');
    });
  });

  describe('names', () => {
    it('must be present, at most 80 characters and unique in any case (nameProblem)', async () => {
      const { store, sandbox } = await twoConnections();
      assert.match(store.nameProblem('')!, /Enter a name/);
      assert.match(store.nameProblem('   ')!, /Enter a name/);
      assert.match(store.nameProblem('x'.repeat(81))!, /at most 80/);
      assert.equal(store.nameProblem('x'.repeat(80)), undefined);
      assert.match(store.nameProblem(' ACME · sandbox ')!, /Another connection is called "ACME · sandbox"/);
      assert.equal(store.nameProblem('acme · SANDBOX', sandbox.id), undefined, 'its own name, when renaming it');
      assert.equal(store.nameProblem('Acme · Staging'), undefined);
    });

    it('refuses to add or rename to a name in use, and changes nothing', async () => {
      const { store, state, sandbox, production } = await twoConnections();
      const before = state.snapshot();
      await assert.rejects(store.add({ name: 'acme · production', apiUrl: SANDBOX_URL }, 'fp_x'), /Another connection/);
      await assert.rejects(store.update(sandbox.id, { name: 'ACME · PRODUCTION' }), /Another connection/);
      await assert.rejects(store.update(sandbox.id, { name: ' ' }), /Enter a name/);
      assert.deepEqual(state.snapshot(), before);
      assert.equal((await store.update(production.id, { name: 'acme · production' })).name, 'acme · production', 'a change of case is allowed');
    });
  });

  describe('the active connection', () => {
    async function three(workspacePick?: string) {
      const state = new MemoryState();
      const secrets = new MemorySecrets();
      parts = memoryConnections({ state, secrets, workspacePick: () => workspacePick });
      const added: Connection[] = [];
      for (const name of ['Alpha', 'Beta', 'Gamma']) added.push(await parts.store.add({ name, apiUrl: SANDBOX_URL }));
      parts.changes.length = 0;
      return { state, secrets, added };
    }

    it('is the first when nothing was chosen, else the one stored as active', async () => {
      const { state, added } = await three();
      assert.equal(parts.store.active()?.id, added[0].id);
      await state.update(ACTIVE_CONNECTION_KEY, added[2].id);
      assert.equal(parts.store.active()?.id, added[2].id);
      await state.update(ACTIVE_CONNECTION_KEY, 'removed-long-ago');
      assert.equal(parts.store.active()?.id, added[0].id, 'a stored ID that is gone falls back to the first');
    });

    it('is the workspace pick (by name, any case) over the stored one, and this window\'s choice over both', async () => {
      const { state, secrets, added } = await three(' beta ');
      await state.update(ACTIVE_CONNECTION_KEY, added[2].id);
      assert.equal(parts.store.active()?.id, added[1].id, 'the workspace pick beats the stored active');
      await parts.store.setActive(added[0].id);
      assert.equal(parts.store.active()?.id, added[0].id, 'chosen in this window beats the workspace pick');
      assert.equal(state.get(ACTIVE_CONNECTION_KEY), added[0].id, 'and is stored for other windows');

      // Another window of the same workspace: its own choice is not made, so the pick wins again.
      const other = memoryConnections({ state, secrets, workspacePick: () => 'Beta' });
      assert.equal(other.store.active()?.id, added[1].id);
      other.dispose();
      const elsewhere = memoryConnections({ state, secrets });
      assert.equal(elsewhere.store.active()?.id, added[0].id, 'a window without a pick uses the one chosen last');
      elsewhere.dispose();
    });

    it('follows a workspace pick changed after a switch in this window: the newer choice wins', async () => {
      const workspace: { pick?: string } = {};
      const state = new MemoryState();
      parts = memoryConnections({ state, workspacePick: () => workspace.pick });
      const alpha = await parts.store.add({ name: 'Alpha', apiUrl: SANDBOX_URL });
      const beta = await parts.store.add({ name: 'Beta', apiUrl: SANDBOX_URL });
      await parts.store.setActive(alpha.id);
      parts.changes.length = 0;
      workspace.pick = 'Beta';
      parts.store.workspacePickChanged(alpha.id);
      assert.equal(parts.store.active()?.id, beta.id);
      assert.deepEqual(parts.changes, [{ kind: 'active' }]);
    });

    it('is undefined with no connection at all', () => {
      parts = memoryConnections();
      assert.equal(parts.store.active(), undefined);
      assert.deepEqual(parts.store.list(), []);
    });

    it('a workspace pick naming an unknown connection adds none and cannot carry a URL', async () => {
      for (const pick of ['Acme · Staging', 'https://attacker.example/v1', '{"name":"x","apiUrl":"https://attacker.example/v1"}']) {
        const { state, added } = await three(pick);
        await state.update(ACTIVE_CONNECTION_KEY, added[1].id);
        const before = state.snapshot();
        assert.equal(parts.store.missingWorkspacePick(), pick);
        assert.equal(parts.store.active()?.id, added[1].id, 'falls back to the stored active');
        assert.deepEqual(parts.store.list().map(({ name }) => name), ['Alpha', 'Beta', 'Gamma']);
        assert.ok(parts.store.list().every(({ apiUrl }) => apiUrl === SANDBOX_URL), pick);
        assert.deepEqual(state.snapshot(), before, 'nothing stored');
        parts.dispose();
      }
      await three('gamma');
      assert.equal(parts.store.missingWorkspacePick(), undefined, 'a pick that names one is not missing');
      parts.dispose();
      await three(undefined);
      assert.equal(parts.store.missingWorkspacePick(), undefined);
    });

    it('setActive fires {kind: "active"} only when the active one changes, and refuses an unknown ID', async () => {
      const { added } = await three();
      await parts.store.setActive(added[0].id);
      assert.deepEqual(parts.changes, [], 'already active (the first)');
      await parts.store.setActive(added[1].id);
      assert.deepEqual(parts.changes, [{ kind: 'active' }]);
      await parts.store.setActive(added[1].id);
      assert.deepEqual(parts.changes, [{ kind: 'active' }], 'again: no second event');
      await assert.rejects(parts.store.setActive('no-such-id'), /no longer exists/);
      assert.equal(parts.store.active()?.id, added[1].id);
    });

    it('workspacePickChanged fires "active" only when the pick moved the active one', async () => {
      let pick: string | undefined;
      parts = memoryConnections({ workspacePick: () => pick });
      const alpha = await parts.store.add({ name: 'Alpha', apiUrl: SANDBOX_URL });
      await parts.store.add({ name: 'Beta', apiUrl: SANDBOX_URL });
      parts.changes.length = 0;
      pick = 'Alpha';
      parts.store.workspacePickChanged(alpha.id);
      assert.deepEqual(parts.changes, []);
      pick = 'Beta';
      parts.store.workspacePickChanged(alpha.id);
      assert.deepEqual(parts.changes, [{ kind: 'active' }]);
    });

    it('fires "active" when the first connection is added: there was none in use before', async () => {
      parts = memoryConnections();
      await parts.store.add({ name: 'Acme · Sandbox', apiUrl: SANDBOX_URL }, SANDBOX_KEY);
      assert.ok(kinds(parts.changes).includes('active'), JSON.stringify(parts.changes));
      parts.changes.length = 0;
      await parts.store.add({ name: 'Acme · Production', apiUrl: PRODUCTION_URL }, PRODUCTION_KEY);
      assert.deepEqual(kinds(parts.changes), ['list'], 'a second one is not in use');
    });

    it('fires "active" when a rename makes the workspace pick name another connection', async () => {
      const { store, changes, sandbox, production } = await twoConnections({ workspacePick: () => 'Acme · Production' });
      assert.equal(store.active()?.id, production.id);
      await store.update(production.id, { name: 'Acme · Live' });
      assert.equal(store.active()?.id, sandbox.id);
      assert.deepEqual(kinds(changes), ['list', 'active']);
    });
  });

  describe('update', () => {
    it('a rename fires "list" only and keeps the identity', async () => {
      const { store, changes, sandbox } = await twoConnections();
      await store.setIdentity(sandbox.id, ACME_PRODUCTION);
      changes.length = 0;
      const renamed = await store.update(sandbox.id, { name: 'Sandbox (old)' });
      assert.deepEqual(changes, [{ kind: 'list' }]);
      assert.equal(renamed.name, 'Sandbox (old)');
      assert.deepEqual(renamed.identity, ACME_PRODUCTION);
      assert.equal(renamed.apiUrl, SANDBOX_URL);
    });

    it('a new URL or environment for the active one fires "active" and forgets what it was identified as', async () => {
      const { store, changes, sandbox } = await twoConnections();
      await store.setIdentity(sandbox.id, ACME_PRODUCTION);
      changes.length = 0;
      const moved = await store.update(sandbox.id, { apiUrl: ' https://api.cloud.flexprice.io/v1 ' });
      assert.deepEqual(kinds(changes), ['list', 'active']);
      assert.equal(moved.apiUrl, 'https://api.cloud.flexprice.io/v1');
      assert.equal(moved.identity, undefined);

      await store.setIdentity(sandbox.id, ACME_PRODUCTION);
      changes.length = 0;
      const withEnvironment = await store.update(sandbox.id, { environmentId: ' env_other ' });
      assert.deepEqual(kinds(changes), ['list', 'active']);
      assert.equal(withEnvironment.environmentId, 'env_other');
      assert.equal(withEnvironment.identity, undefined);

      changes.length = 0;
      assert.equal((await store.update(sandbox.id, { environmentId: '' })).environmentId, undefined, 'an empty one removes it');
      assert.deepEqual(kinds(changes), ['list', 'active']);
    });

    it('moving a connection that is not in use fires "list" only, yet forgets its identity', async () => {
      const { store, changes, production } = await twoConnections();
      await store.setIdentity(production.id, ACME_PRODUCTION);
      changes.length = 0;
      const moved = await store.update(production.id, { apiUrl: 'https://billing2.example.com/v1' });
      assert.deepEqual(changes, [{ kind: 'list' }]);
      assert.equal(moved.identity, undefined);
    });

    it('refuses a bad URL and an unknown ID, changing nothing', async () => {
      const { store, state, sandbox } = await twoConnections();
      const before = state.snapshot();
      await assert.rejects(store.update(sandbox.id, { apiUrl: 'ftp://files.example.com' }), /http:\/\/ or https:\/\//);
      await assert.rejects(store.update('gone', { name: 'x' }), /no longer exists/);
      assert.deepEqual(state.snapshot(), before);
    });
  });

  describe('remove', () => {
    it('deletes its key, recent and watched IDs and kept page, and nobody else\'s', async () => {
      const { store, state, secrets, sandbox, production } = await twoConnections();
      for (const { id } of [sandbox, production]) {
        await state.update(recentIdsKey(id), [`task_recent_${id}`]);
        await state.update(watchedIdsKey(id), [`task_watched_${id}`]);
        await state.update(keptPageKey(id), { page: id });
      }
      await store.setIdentity(production.id, ACME_PRODUCTION);
      await store.remove(production.id);
      assert.equal(store.get(production.id), undefined);
      assert.equal(secrets.values.has(secretName(production.id)), false);
      assert.equal(await store.key(production.id), undefined);
      for (const key of perConnectionKeys(production.id)) assert.equal(state.get(key), undefined, key);
      assert.ok(!JSON.stringify(state.snapshot()).includes(production.id), 'no trace of it is left');
      assert.equal(secrets.values.get(secretName(sandbox.id)), SANDBOX_KEY);
      assert.deepEqual(state.get(recentIdsKey(sandbox.id)), [`task_recent_${sandbox.id}`]);
      assert.deepEqual(state.get(watchedIdsKey(sandbox.id)), [`task_watched_${sandbox.id}`]);
      assert.deepEqual(state.get(keptPageKey(sandbox.id)), { page: sandbox.id });
    });

    it('fires "active" when it was the one in use, and the next one takes over', async () => {
      const { store, changes, sandbox, production } = await twoConnections();
      await store.setActive(production.id);
      changes.length = 0;
      await store.remove(production.id);
      assert.deepEqual(kinds(changes), ['list', 'active']);
      assert.equal(store.active()?.id, sandbox.id);
    });

    it('fires "list" only when it was not in use', async () => {
      const { store, changes, sandbox, production } = await twoConnections();
      await store.remove(production.id);
      assert.deepEqual(kinds(changes), ['list']);
      assert.equal(store.active()?.id, sandbox.id);
      await assert.rejects(store.remove(production.id), /no longer exists/);
    });
  });

  describe('keys', () => {
    it('keeps each connection\'s key under flexprice.apiKey.<id>, never mixed', async () => {
      const { store, secrets, sandbox, production } = await twoConnections();
      assert.deepEqual([...secrets.values.keys()].sort(), [secretName(sandbox.id), secretName(production.id)].sort());
      assert.equal(secretName(sandbox.id), `flexprice.apiKey.${sandbox.id}`);
      assert.equal(await store.key(sandbox.id), SANDBOX_KEY);
      assert.equal(await store.key(production.id), PRODUCTION_KEY);
      await store.setKey(production.id, ' fp_production_new ');
      assert.equal(await store.key(production.id), 'fp_production_new');
      assert.equal(await store.key(sandbox.id), SANDBOX_KEY);
      await store.clearKey(sandbox.id);
      assert.equal(await store.key(sandbox.id), undefined);
      assert.equal(await store.key(production.id), 'fp_production_new');
      assert.ok(store.get(sandbox.id), 'clearing the key keeps the connection');
    });

    it('setKey and clearKey fire {kind: "key", id} for that connection; an empty key is refused', async () => {
      const { store, changes, production } = await twoConnections();
      await store.setKey(production.id, 'fp_next');
      // Once: SecretStorage's own event for this window's write is not a second change.
      assert.deepEqual(changes, [{ kind: 'key', id: production.id }]);
      changes.length = 0;
      await assert.rejects(store.setKey(production.id, '   '), /empty/);
      assert.equal(changes.length, 0);
      assert.equal(await store.key(production.id), 'fp_next');
      await store.clearKey(production.id);
      assert.deepEqual(changes, [{ kind: 'key', id: production.id }]);
    });

    it('still hears another window\'s change right after its own write', async () => {
      const { store, secrets, changes, production } = await twoConnections();
      await store.setKey(production.id, 'fp_mine');
      changes.length = 0;
      secrets.changeElsewhere(secretName(production.id), 'fp_from_elsewhere');
      assert.deepEqual(changes, [{ kind: 'key', id: production.id }]);
      assert.equal(await store.key(production.id), 'fp_from_elsewhere');
    });

    it('reads SecretStorage once for any number of asks, until that secret changes', async () => {
      const { store, secrets, changes, sandbox, production } = await twoConnections();
      const reads = secrets.reads;
      assert.deepEqual(await Promise.all([store.key(sandbox.id), store.key(sandbox.id), store.key(production.id)]), [SANDBOX_KEY, SANDBOX_KEY, PRODUCTION_KEY]);
      assert.equal(await store.key(sandbox.id), SANDBOX_KEY);
      assert.equal(secrets.reads, reads + 2, 'one read per connection');

      secrets.changeElsewhere('another.extension.token', 'x');
      assert.deepEqual(changes, [], 'other secrets are not ours');
      await store.key(sandbox.id);
      assert.equal(secrets.reads, reads + 2);

      secrets.changeElsewhere(secretName(sandbox.id), 'fp_sandbox_from_another_window');
      assert.deepEqual(changes, [{ kind: 'key', id: sandbox.id }]);
      assert.equal(await store.key(sandbox.id), 'fp_sandbox_from_another_window');
      assert.equal(await store.key(production.id), PRODUCTION_KEY);
      assert.equal(secrets.reads, reads + 3, 'only the changed one is read again');

      secrets.changeElsewhere(secretName(sandbox.id), undefined);
      assert.equal(await store.key(sandbox.id), undefined, 'deleted in another window');
    });

    it('does not remember a failed read: the next ask reads again', async () => {
      const { store, secrets, sandbox } = await twoConnections();
      secrets.failNextRead = true;
      await assert.rejects(store.key(sandbox.id), /keychain is locked/);
      assert.equal(await store.key(sandbox.id), SANDBOX_KEY);
    });
  });

  describe('connections from the environment', () => {
    const fromEnvironment = [environmentConnection('CI', 'https://ci.example.com/v1', 'fp_env_ci_key')];

    it('are listed after the saved ones, with their key in memory only', async () => {
      const { store, secrets, sandbox, production } = await twoConnections({ environment: fromEnvironment });
      assert.deepEqual(store.list().map(({ id }) => id), [sandbox.id, production.id, 'env:CI']);
      assert.equal(store.get('env:CI')?.origin, 'environment');
      const reads = secrets.reads;
      assert.equal(await store.key('env:CI'), 'fp_env_ci_key');
      assert.equal(secrets.reads, reads, 'not read from SecretStorage');
      assert.ok(![...secrets.values.values()].includes('fp_env_ci_key'));
      await store.setActive('env:CI');
      assert.equal(store.active()?.id, 'env:CI');
    });

    it('are the active one when nothing is saved', () => {
      parts = memoryConnections({ environment: fromEnvironment });
      assert.equal(parts.store.active()?.id, 'env:CI');
    });

    it('cannot be changed here: update, remove, setKey and clearKey say so', async () => {
      const { store, state, changes } = await twoConnections({ environment: fromEnvironment });
      const before = state.snapshot();
      const saysEnvironment = /comes from the environment \(FLEXPRICE_API_KEY or FLEXPRICE_CONNECTIONS\): change it there/;
      await assert.rejects(store.update('env:CI', { name: 'Renamed' }), saysEnvironment);
      await assert.rejects(store.update('env:CI', { apiUrl: 'https://attacker.example/v1' }), saysEnvironment);
      await assert.rejects(store.remove('env:CI'), saysEnvironment);
      await assert.rejects(store.setKey('env:CI', 'fp_other'), saysEnvironment);
      await assert.rejects(store.clearKey('env:CI'), saysEnvironment);
      assert.deepEqual(state.snapshot(), before);
      assert.deepEqual(changes, []);
      assert.equal(await store.key('env:CI'), 'fp_env_ci_key');
      assert.match(store.nameProblem('ci')!, /Another connection/, 'their names are taken too');
    });
  });

  it('skips stored entries that are not connections', async () => {
    const good = { id: 'c1', name: 'Acme · Sandbox', apiUrl: SANDBOX_URL };
    const state = new MemoryState({
      [CONNECTIONS_KEY]: [null, 42, 'c0', { id: 7, name: 'x', apiUrl: SANDBOX_URL }, { id: 'c2', name: 'No URL' }, { id: 'c3', apiUrl: SANDBOX_URL }, good],
      'flexprice.connectionIdentities': ['not', 'a', 'map'],
    });
    parts = memoryConnections({ state });
    assert.deepEqual(parts.store.list(), [{ ...good, origin: 'saved' }]);
    assert.equal(parts.store.active()?.id, 'c1');
    assert.equal((await parts.store.update('c1', { name: 'Renamed' })).name, 'Renamed');

    for (const junk of [undefined, 'text', { id: 'c1' }]) {
      parts.dispose();
      parts = memoryConnections({ state: new MemoryState({ [CONNECTIONS_KEY]: junk }) });
      assert.deepEqual(parts.store.list(), [], JSON.stringify(junk));
    }
  });

  describe('setIdentity', () => {
    it('keeps what was learnt, and renames a connection the extension named to the suggested name', async () => {
      parts = memoryConnections();
      const migrated = await parts.store.add({ name: 'Flexprice Cloud US', apiUrl: SANDBOX_URL, autoNamed: true }, SANDBOX_KEY);
      parts.changes.length = 0;
      await parts.store.setIdentity(migrated.id, ACME_PRODUCTION, 'Acme · Production');
      const now = parts.store.get(migrated.id)!;
      assert.equal(now.name, 'Acme · Production');
      assert.deepEqual(now.identity, ACME_PRODUCTION);
      assert.deepEqual(kinds(parts.changes), ['list', 'identity']);
      assert.deepEqual(parts.changes.at(-1), { kind: 'identity', id: migrated.id });

      // Renamed once, it is the user's now: a later identification keeps the name.
      await parts.store.setIdentity(migrated.id, { ...ACME_PRODUCTION, environmentName: 'Live' }, 'Acme · Live');
      assert.equal(parts.store.get(migrated.id)?.name, 'Acme · Production');
      assert.equal(parts.store.get(migrated.id)?.identity?.environmentName, 'Live');
    });

    it('does not rename a connection the user named, nor to a name that is taken', async () => {
      parts = memoryConnections();
      const named = await parts.store.add({ name: 'My key', apiUrl: SANDBOX_URL });
      await parts.store.add({ name: 'Acme · Sandbox', apiUrl: SANDBOX_URL });
      const auto = await parts.store.add({ name: 'billing.example.com', apiUrl: PRODUCTION_URL, autoNamed: true });
      parts.changes.length = 0;
      await parts.store.setIdentity(named.id, ACME_PRODUCTION, 'Acme · Production');
      assert.equal(parts.store.get(named.id)?.name, 'My key');
      assert.deepEqual(parts.store.get(named.id)?.identity, ACME_PRODUCTION);
      await parts.store.setIdentity(auto.id, ACME_PRODUCTION, 'acme · sandbox');
      assert.equal(parts.store.get(auto.id)?.name, 'billing.example.com');
      assert.deepEqual(kinds(parts.changes), ['identity', 'identity'], 'no rename, no "list"');
    });

    it('a rename by the user makes the name the user\'s', async () => {
      parts = memoryConnections();
      const auto = await parts.store.add({ name: 'billing.example.com', apiUrl: PRODUCTION_URL, autoNamed: true });
      await parts.store.update(auto.id, { name: 'Billing' });
      await parts.store.setIdentity(auto.id, ACME_PRODUCTION, 'Acme · Production');
      assert.equal(parts.store.get(auto.id)?.name, 'Billing');
    });

    it('fires "active" when the rename gives the workspace the connection it names', async () => {
      parts = memoryConnections({ workspacePick: () => 'Acme · Production' });
      const first = await parts.store.add({ name: 'Mine', apiUrl: SANDBOX_URL });
      const migrated = await parts.store.add({ name: 'billing.example.com', apiUrl: PRODUCTION_URL, autoNamed: true });
      assert.equal(parts.store.active()?.id, first.id);
      parts.changes.length = 0;
      await parts.store.setIdentity(migrated.id, ACME_PRODUCTION, 'Acme · Production');
      assert.equal(parts.store.active()?.id, migrated.id);
      assert.deepEqual(kinds(parts.changes), ['list', 'active', 'identity']);
    });

    it('ignores a connection that is gone', async () => {
      parts = memoryConnections();
      await parts.store.setIdentity('gone', ACME_PRODUCTION, 'Acme · Production');
      assert.deepEqual(parts.changes, []);
      assert.deepEqual(parts.state.snapshot(), {});
    });
  });
});
