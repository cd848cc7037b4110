import type * as vscode from 'vscode';
import type { ConnectionStore } from '../connections/connectionStore';
import { type ConnectionIdentity, identifyConnection, suggestedConnectionName } from '../connections/identifyConnection';
import type { Logger } from '../log/logger';
import type { ClientProvider } from './clientProvider';

/**
 * Learns what the active connection is (tenant, environment, Production or not) on start and
 * after every switch or key change, in the background, and keeps it on the connection. A step
 * the key may not take is skipped; what was known before is kept when a step fails.
 */
export class ConnectionIdentifier implements vscode.Disposable {
  private running: AbortController | undefined;
  private readonly subscription: vscode.Disposable;
  /** Connections identified in this session, with their URL then: Add Connection identifies before it switches. */
  private readonly identified = new Map<string, string>();

  constructor(
    private readonly connections: ConnectionStore,
    private readonly clients: ClientProvider,
    private readonly log: Logger,
  ) {
    this.subscription = clients.onDidChange(() => void this.identifyActive());
  }

  /** Says a connection was just identified (by Add Connection), so the switch to it asks nothing again. */
  markIdentified(connectionId: string, apiUrl: string): void {
    this.identified.set(connectionId, apiUrl);
  }

  /**
   * Identifies the connection in use; resolves when done (or given up). Never rejects. On start
   * (`onlyIfUnknown`) a connection identified before is left as it is: the first rows matter more.
   */
  async identifyActive(onlyIfUnknown = false): Promise<void> {
    const active = this.connections.active();
    if (active?.identity && (onlyIfUnknown || this.identified.get(active.id) === active.apiUrl)) return;
    this.running?.abort();
    const abort = new AbortController();
    this.running = abort;
    // identifyConnection gives up by itself after a while: it only labels, it never blocks.
    try {
      const bound = await this.clients.active();
      if (!bound || abort.signal.aborted) return;
      const learnt = await identifyConnection(bound.client, { signal: abort.signal, log: this.log, environmentId: bound.connection.environmentId });
      // A switch while this ran: what was learnt still belongs to the connection it was asked of.
      const current = this.connections.get(bound.connection.id);
      if (!current || current.apiUrl !== bound.connection.apiUrl || current.environmentId !== bound.connection.environmentId) return;
      const merged: ConnectionIdentity = { ...current.identity, ...learnt };
      if (Object.keys(merged).length === 0) return;
      this.identified.set(current.id, current.apiUrl);
      await this.connections.setIdentity(current.id, merged, suggestedConnectionName(merged));
    } catch (error) {
      this.log.info(`Could not identify the connection: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (this.running === abort) this.running = undefined;
    }
  }

  dispose(): void {
    this.running?.abort();
    this.subscription.dispose();
  }
}
