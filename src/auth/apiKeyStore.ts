import * as vscode from 'vscode';
import { type Connection, isProduction } from '../connections/connection';
import type { ConnectionStore } from '../connections/connectionStore';
import { type Logger, SILENT_LOGGER } from '../log/logger';

/** Context keys for `when` clauses: a key to use, any connection at all, and Production in use. */
const HAS_KEY = 'flexprice.hasApiKey';
const HAS_CONNECTION = 'flexprice.hasConnection';
const PRODUCTION = 'flexprice.productionConnection';
/** Set once the connections and their keys have been read: until then no welcome text is right. */
const READY = 'flexprice.connectionsReady';

/**
 * The active connection's key, for everything that just needs "the key in use". Keys live only
 * in SecretStorage (see ConnectionStore) and nothing here keeps a copy. `onDidChange` fires
 * when the key in use changes: a switch to another connection, or a new key for this one.
 */
export class ApiKeyStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(
    readonly connections: ConnectionStore,
    /** Settles when the one-time move of the old settings is done; reads wait for it. */
    private readonly ready: Promise<void> = Promise.resolve(),
    private readonly log: Logger = SILENT_LOGGER,
  ) {
    this.subscription = connections.onDidChange((change) => {
      if (change.kind === 'identity' || change.kind === 'list') return void this.updateContextKey();
      if (change.kind === 'key' && change.id !== connections.active()?.id) return;
      void this.updateContextKey();
      this.changed.fire();
    });
  }

  /** The connection in use, once the old settings are moved. */
  async active(): Promise<Connection | undefined> {
    await this.ready;
    return this.connections.active();
  }

  async get(): Promise<string | undefined> {
    const connection = await this.active();
    return connection ? this.connections.key(connection.id) : undefined;
  }

  async has(): Promise<boolean> {
    return (await this.get()) !== undefined;
  }

  /** Stores a trimmed key for the active connection; refuses an empty one. */
  async set(key: string): Promise<void> {
    const connection = await this.active();
    if (!connection) throw new Error('Add a connection first.');
    await this.connections.setKey(connection.id, key);
    this.log.info(`API key for "${connection.name}" saved in secret storage.`);
  }

  /** Removes the active connection's key (the connection stays). */
  async clear(): Promise<Connection | undefined> {
    const connection = await this.active();
    if (!connection || connection.origin === 'environment') return connection;
    await this.connections.clearKey(connection.id);
    this.log.info(`API key for "${connection.name}" removed from secret storage.`);
    return connection;
  }

  /** Keeps the context keys that `when` clauses use in step. */
  async updateContextKey(): Promise<void> {
    const connection = await this.active();
    const hasKey = connection ? (await this.connections.key(connection.id)) !== undefined : false;
    await Promise.all([
      vscode.commands.executeCommand('setContext', HAS_KEY, hasKey),
      vscode.commands.executeCommand('setContext', HAS_CONNECTION, this.connections.list().length > 0),
      vscode.commands.executeCommand('setContext', PRODUCTION, isProduction(connection)),
    ]);
    await vscode.commands.executeCommand('setContext', READY, true);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
