import * as vscode from 'vscode';
import { FlexpriceClient } from '../api/flexpriceClient';
import type { Connection } from '../connections/connection';
import type { ApiKeyStore } from './apiKeyStore';
import type { HttpConsent } from './httpConsent';
import { affectsConnection, readRequestTimeoutMs } from '../configuration';
import type { Logger } from '../log/logger';

/** A client and the connection it sends to: what was read with it belongs to that connection. */
export interface BoundClient {
  readonly connection: Connection;
  readonly client: FlexpriceClient;
}

interface CachedClient {
  readonly apiUrl: string;
  readonly environmentId: string | undefined;
  readonly timeoutMs: number;
  readonly client: FlexpriceClient;
}

/**
 * Hands out one FlexpriceClient per connection and drops it when its URL, environment, key or
 * the timeout changes, so no request ever goes out with stale settings. It never keeps a key:
 * a key change bumps that connection's generation instead, and only the client (its HTTP
 * layer) holds the key. `onDidChange` fires when what the active client sends changes: another
 * connection, or the active one's key, URL or environment.
 */
export class ClientProvider implements vscode.Disposable {
  private readonly cached = new Map<string, CachedClient>();
  /** Per connection, bumped on every key change; a client built for an older one is not kept. */
  private readonly generations = new Map<string, number>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: { dispose(): void }[];

  constructor(
    private readonly keys: ApiKeyStore,
    private readonly userAgent: string,
    private readonly consent: HttpConsent,
    private readonly log: Logger,
  ) {
    const connections = keys.connections;
    this.subscriptions = [
      connections.onDidChange((change) => {
        if (change.kind === 'key') this.drop(change.id);
        if (change.kind === 'list') for (const id of this.cached.keys()) if (!connections.get(id)) this.drop(id);
      }),
      keys.onDidChange(() => {
        this.log.info(`Now using "${connections.active()?.name ?? 'no connection'}": earlier answers are dropped.`);
        this.changed.fire();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!affectsConnection(event)) return;
        this.cached.clear();
        this.changed.fire();
      }),
      this.changed,
    ];
  }

  /** The active connection's client, or undefined when it has no key (or there is no connection). */
  async get(): Promise<FlexpriceClient | undefined> {
    return (await this.active())?.client;
  }

  /** The active connection with its client. */
  async active(): Promise<BoundClient | undefined> {
    const connection = await this.keys.active();
    if (!connection) return undefined;
    const client = await this.forConnection(connection.id);
    return client ? { connection, client } : undefined;
  }

  /**
   * The client of one connection (a panel's, whichever is active), or undefined when it has no
   * key or no longer exists. Throws an `http_refused` FlexpriceApiError when the user declined
   * to send the key over plain HTTP.
   */
  async forConnection(id: string): Promise<FlexpriceClient | undefined> {
    const connection = this.keys.connections.get(id);
    if (!connection) return undefined;
    const generation = this.generations.get(id) ?? 0;
    const timeoutMs = readRequestTimeoutMs();
    const cached = this.cached.get(id);
    if (cached && cached.apiUrl === connection.apiUrl && cached.environmentId === connection.environmentId && cached.timeoutMs === timeoutMs) {
      return cached.client;
    }
    const apiKey = await this.keys.connections.key(id);
    if (!apiKey) return undefined;
    await this.consent.check(connection.apiUrl);
    const settings = { apiUrl: connection.apiUrl, environmentId: connection.environmentId, timeoutMs };
    const client = new FlexpriceClient({ ...settings, apiKey, userAgent: this.userAgent, log: this.log });
    // A key that changed while it was read belongs to the next generation: use it, don't keep it.
    if (generation === (this.generations.get(id) ?? 0)) {
      this.cached.set(id, { ...settings, client });
      const environment = settings.environmentId ? `, environment ${settings.environmentId}` : '';
      this.log.info(`"${connection.name}": using ${settings.apiUrl}${environment}.`);
    }
    return client;
  }

  /**
   * A client for a connection not saved yet (Add Connection identifies it before it is named).
   * Asks for plain-HTTP consent like any other; nothing of it is kept.
   */
  async probe(target: { apiUrl: string; environmentId?: string }, apiKey: string): Promise<FlexpriceClient> {
    await this.consent.check(target.apiUrl);
    return new FlexpriceClient({ apiUrl: target.apiUrl, environmentId: target.environmentId, timeoutMs: readRequestTimeoutMs(), apiKey, userAgent: this.userAgent, log: this.log });
  }

  /** The connection in use, by ID (undefined while there is none). */
  get activeConnectionId(): string | undefined {
    return this.keys.connections.active()?.id;
  }

  /** The active connection's API base URL, for messages ("not found at …"). */
  get apiUrl(): string {
    return this.keys.connections.active()?.apiUrl ?? '';
  }

  /** Forgets a declined plain-HTTP consent for a connection's URL (the active one's by default): the next request asks again. */
  askHttpConsentAgain(connectionId?: string): void {
    const connection = connectionId ? this.keys.connections.get(connectionId) : this.keys.connections.active();
    if (connection) this.consent.askAgain(connection.apiUrl);
  }

  /** What error messages need from a connection (the active one by default): the URL to name, and how to ask for HTTP consent again. */
  errorContext(connectionId?: string): { apiUrl: string; connectionId?: string; connectionName?: string; editable: boolean; askHttpConsentAgain: () => void } {
    const connection = connectionId ? this.keys.connections.get(connectionId) : this.keys.connections.active();
    return {
      apiUrl: connection?.apiUrl ?? '',
      connectionId: connection?.id,
      connectionName: connection?.name,
      editable: connection?.origin === 'saved',
      askHttpConsentAgain: () => this.askHttpConsentAgain(connection?.id),
    };
  }

  private drop(id: string): void {
    this.generations.set(id, (this.generations.get(id) ?? 0) + 1);
    this.cached.delete(id);
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
