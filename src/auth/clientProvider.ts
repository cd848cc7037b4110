import * as vscode from 'vscode';
import { FlexpriceClient } from '../api/flexpriceClient';
import type { ApiKeyStore } from './apiKeyStore';
import type { HttpConsent } from './httpConsent';
import { affectsConnection, type ConnectionSettings, readConnectionSettings } from '../configuration';
import type { Logger } from '../log/logger';

/**
 * Hands out one FlexpriceClient per configuration (URL, key, environment, timeout) and drops
 * it when any of them changes, so no request ever goes out with stale settings. It never keeps
 * the key itself: a key change bumps a generation instead, and only the client (its HTTP
 * layer) holds the key.
 */
export class ClientProvider implements vscode.Disposable {
  private cached: { settings: ConnectionSettings; client: FlexpriceClient } | undefined;
  /** Bumped on every key or settings change (which also drops `cached`); a client built for an older one is not kept. */
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the key or a connection setting changes. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly keys: ApiKeyStore,
    private readonly userAgent: string,
    private readonly consent: HttpConsent,
    private readonly log: Logger,
  ) {
    const reset = (what: string) => {
      this.generation += 1;
      this.cached = undefined;
      this.log.info(`${what} changed: earlier answers are dropped.`);
      this.changed.fire();
    };
    this.subscriptions = [
      keys.onDidChange(() => reset('The API key')),
      vscode.workspace.onDidChangeConfiguration((event) => affectsConnection(event) && reset('The connection settings')),
      this.changed,
    ];
  }

  /**
   * The client for the current settings, or undefined when no API key is set. Throws an
   * `http_refused` FlexpriceApiError when the user declined to send the key over plain HTTP.
   */
  async get(): Promise<FlexpriceClient | undefined> {
    const generation = this.generation;
    const settings = readConnectionSettings();
    if (this.cached && sameSettings(this.cached.settings, settings)) return this.cached.client;
    const apiKey = await this.keys.get();
    if (!apiKey) return undefined;
    await this.consent.check(settings.apiUrl);
    const client = new FlexpriceClient({ ...settings, apiKey, userAgent: this.userAgent, log: this.log });
    // A key that changed while it was read belongs to the next generation: use it, don't keep it.
    if (generation === this.generation) {
      this.cached = { settings, client };
      const environment = settings.environmentId ? `, environment ${settings.environmentId}` : '';
      this.log.info(`Using ${settings.apiUrl}${environment}.`);
    }
    return client;
  }

  /** The API base URL in use, for messages ("not found at …"). */
  get apiUrl(): string {
    return readConnectionSettings().apiUrl;
  }

  /** Forgets a declined plain-HTTP consent for the current URL: the next request asks again. */
  askHttpConsentAgain(): void {
    this.consent.askAgain(this.apiUrl);
  }

  /** What error messages need from the connection: the URL to name, and how to ask for HTTP consent again. */
  errorContext(): { apiUrl: string; askHttpConsentAgain: () => void } {
    return { apiUrl: this.apiUrl, askHttpConsentAgain: () => this.askHttpConsentAgain() };
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}

function sameSettings(a: ConnectionSettings, b: ConnectionSettings): boolean {
  return a.apiUrl === b.apiUrl && a.environmentId === b.environmentId && a.timeoutMs === b.timeoutMs;
}
