// First: ApiKeyStore imports `vscode`, which this module stands in for.
import { EventEmitter } from '../vscodeStandIn';
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { ApiKeyStore } from '../../../src/auth/apiKeyStore';

/** SecretStorage in memory, counting reads; `changeElsewhere` is another window storing a key. */
class MemorySecrets {
  private readonly values = new Map<string, string>();
  private readonly changed = new EventEmitter<{ key: string }>();
  readonly onDidChange = this.changed.event;
  reads = 0;
  failNextRead = false;

  async get(key: string): Promise<string | undefined> {
    this.reads += 1;
    const fail = this.failNextRead;
    this.failNextRead = false;
    // Answers later, as the window does, so asks made meanwhile overlap with this one.
    await new Promise((resolve) => setImmediate(resolve));
    if (fail) throw new Error('the keychain is locked');
    return this.values.get(key);
  }

  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    this.changed.fire({ key });
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
    this.changed.fire({ key });
  }

  changeElsewhere(key: string, value: string): void {
    this.values.set(key, value);
    this.changed.fire({ key });
  }
}

describe('ApiKeyStore', () => {
  let secrets: MemorySecrets;
  let keys: ApiKeyStore;

  beforeEach(() => {
    secrets = new MemorySecrets();
    keys = new ApiKeyStore(secrets as unknown as vscode.SecretStorage);
  });

  afterEach(() => keys.dispose());

  it('reads SecretStorage once for any number of asks until the key changes', async () => {
    secrets.changeElsewhere('flexprice.apiKey', 'sk_first');
    const fresh = new ApiKeyStore(secrets as unknown as vscode.SecretStorage);
    const reads = secrets.reads;
    assert.deepEqual(await Promise.all([fresh.get(), fresh.has(), fresh.get()]), ['sk_first', true, 'sk_first']);
    assert.equal(await fresh.get(), 'sk_first');
    assert.equal(secrets.reads, reads + 1);
    fresh.dispose();
  });

  it('sees a key stored in another window, a new key and a cleared one', async () => {
    await keys.set('sk_first');
    assert.equal(await keys.get(), 'sk_first');
    secrets.changeElsewhere('flexprice.apiKey', 'sk_from_elsewhere');
    assert.equal(await keys.get(), 'sk_from_elsewhere');
    await keys.set('  sk_second ');
    assert.equal(await keys.get(), 'sk_second');
    await keys.clear();
    assert.equal(await keys.get(), undefined);
    assert.equal(await keys.has(), false);
  });

  it('ignores changes to other secrets', async () => {
    await keys.set('sk_first');
    await keys.get();
    const reads = secrets.reads;
    secrets.changeElsewhere('another.extension.token', 'x');
    await keys.get();
    assert.equal(secrets.reads, reads);
  });

  it('asks again after a failed read', async () => {
    secrets.changeElsewhere('flexprice.apiKey', 'sk_first');
    const fresh = new ApiKeyStore(secrets as unknown as vscode.SecretStorage);
    secrets.failNextRead = true;
    await assert.rejects(fresh.get(), /keychain is locked/);
    assert.equal(await fresh.get(), 'sk_first');
    fresh.dispose();
  });

  it('falls back to FLEXPRICE_API_KEY when nothing is stored', async () => {
    const withEnvironment = new ApiKeyStore(secrets as unknown as vscode.SecretStorage, undefined, 'sk_env');
    assert.equal(await withEnvironment.get(), 'sk_env');
    await withEnvironment.set('sk_stored');
    assert.equal(await withEnvironment.get(), 'sk_stored');
    withEnvironment.dispose();
  });
});
