import { Emitter } from '../../../src/polling/emitter';
import type { KeyValueStore } from '../../../src/storage/boundedIdList';
import { type ConnectionChange, ConnectionStore, type SecretStore } from '../../../src/connections/connectionStore';
import type { EnvironmentConnection } from '../../../src/connections/environmentConnections';

/** globalState in memory; `update(key, undefined)` removes the key, as a Memento does. */
export class MemoryState implements KeyValueStore {
  readonly values = new Map<string, unknown>();

  constructor(initial: Record<string, unknown> = {}) {
    for (const [key, value] of Object.entries(initial)) this.values.set(key, value);
  }

  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, structuredClone(value));
  }

  /** Everything stored, as plain data, to compare before and after. */
  snapshot(): Record<string, unknown> {
    return structuredClone(Object.fromEntries(this.values));
  }
}

/**
 * SecretStorage in memory. Reads are counted and answer a moment later (as the window does, so
 * asks made meanwhile overlap); `operations` records every store and delete in order;
 * `onDidChange` fires as VS Code's does, for this window's writes and `changeElsewhere`'s.
 */
export class MemorySecrets implements SecretStore {
  readonly values = new Map<string, string>();
  readonly operations: string[] = [];
  private readonly changed = new Emitter<{ key: string }>();
  readonly onDidChange = this.changed.event;
  reads = 0;
  failNextRead = false;
  failStore = false;

  constructor(initial: Record<string, string> = {}) {
    for (const [key, value] of Object.entries(initial)) this.values.set(key, value);
  }

  async get(key: string): Promise<string | undefined> {
    this.reads += 1;
    const fail = this.failNextRead;
    this.failNextRead = false;
    await new Promise((resolve) => setImmediate(resolve));
    if (fail) throw new Error('the keychain is locked');
    return this.values.get(key);
  }

  async store(key: string, value: string): Promise<void> {
    if (this.failStore) throw new Error('the keychain is read-only');
    this.operations.push(`store ${key}`);
    this.values.set(key, value);
    this.changed.fire({ key });
  }

  async delete(key: string): Promise<void> {
    this.operations.push(`delete ${key}`);
    this.values.delete(key);
    this.changed.fire({ key });
  }

  /** Another window stores (or, with undefined, deletes) a secret. */
  changeElsewhere(key: string, value: string | undefined): void {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
    this.changed.fire({ key });
  }
}

export interface StoreParts {
  readonly state?: MemoryState;
  readonly secrets?: MemorySecrets;
  readonly environment?: readonly EnvironmentConnection[];
  readonly workspacePick?: () => string | undefined;
}

/**
 * A ConnectionStore over memory, wired to its secrets' change events as connectionSetup wires
 * it to VS Code's; `changes` records every event it fires.
 */
export function memoryConnections(parts: StoreParts = {}) {
  const state = parts.state ?? new MemoryState();
  const secrets = parts.secrets ?? new MemorySecrets();
  const store = new ConnectionStore(state, secrets, parts.environment ?? [], parts.workspacePick);
  const changes: ConnectionChange[] = [];
  const subscriptions = [secrets.onDidChange(({ key }) => store.secretChanged(key)), store.onDidChange((change) => changes.push(change))];
  const dispose = () => {
    subscriptions.forEach((subscription) => subscription.dispose());
    store.dispose();
  };
  return { state, secrets, store, changes, dispose };
}

/** A connection from the environment, as connectionsFromEnvironment makes them. */
export function environmentConnection(name: string, apiUrl: string, key: string): EnvironmentConnection {
  return { key, connection: { id: `env:${name}`, name, apiUrl, origin: 'environment' } };
}
