import * as vscode from 'vscode';
import { FlexpriceClient } from './api/flexpriceClient';
import type { ApiKeyStore } from './auth/apiKeyStore';
import { affectsConnection, readConnectionSettings } from './configuration';

/**
 * Hands out one FlexpriceClient per configuration (URL, key, environment, timeout) and drops
 * it when any of them changes, so no request ever goes out with stale settings.
 */
export class ClientProvider implements vscode.Disposable {
  private cached: { signature: string; client: FlexpriceClient } | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the key or a connection setting changes. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly keys: ApiKeyStore,
    private readonly userAgent: string,
  ) {
    const reset = () => {
      this.cached = undefined;
      this.changed.fire();
    };
    this.subscriptions = [
      keys.onDidChange(reset),
      vscode.workspace.onDidChangeConfiguration((event) => affectsConnection(event) && reset()),
      this.changed,
    ];
  }

  /** The client for the current settings, or undefined when no API key is set. */
  async get(): Promise<FlexpriceClient | undefined> {
    const apiKey = await this.keys.get();
    if (!apiKey) return undefined;
    const settings = readConnectionSettings();
    const signature = JSON.stringify([settings.apiUrl, settings.environmentId, settings.timeoutMs, apiKey]);
    if (this.cached?.signature !== signature) {
      const client = new FlexpriceClient({ ...settings, apiKey, userAgent: this.userAgent });
      this.cached = { signature, client };
    }
    return this.cached.client;
  }

  /** The API base URL in use, for messages ("not found at …"). */
  get apiUrl(): string {
    return readConnectionSettings().apiUrl;
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
