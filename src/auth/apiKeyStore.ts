import * as vscode from 'vscode';
import { type Logger, SILENT_LOGGER } from '../log/logger';

const SECRET_KEY = 'flexprice.apiKey';
const CONTEXT_KEY = 'flexprice.hasApiKey';

/**
 * The one owner of the Flexprice API key. The key lives only in VS Code's SecretStorage;
 * everything else asks this class for it and never keeps a copy. It remembers its last read
 * until the secret changes: each read is a round trip to the window, and opening the view
 * asks for the key several times before the first request.
 *
 * `FLEXPRICE_API_KEY` in the extension host's environment is a fallback for when no key is
 * stored, as the Flexprice CLI does: it lets the local demo run with its key preset.
 */
export class ApiKeyStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the key changes, in this window or in another one. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private read: Promise<string | undefined> | undefined;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: Logger = SILENT_LOGGER,
    private readonly environmentKey = process.env.FLEXPRICE_API_KEY?.trim() || undefined,
  ) {
    this.subscription = secrets.onDidChange((event) => {
      if (event.key !== SECRET_KEY) return;
      this.read = undefined;
      void this.updateContextKey();
      this.changed.fire();
    });
  }

  async get(): Promise<string | undefined> {
    if (!this.read) {
      const read = Promise.resolve(this.secrets.get(SECRET_KEY)).then((stored) => stored || this.environmentKey);
      // A failed read is not remembered: the next call asks again.
      read.catch(() => this.read === read && (this.read = undefined));
      this.read = read;
    }
    return this.read;
  }

  async has(): Promise<boolean> {
    return (await this.get()) !== undefined;
  }

  /** Stores a trimmed key; refuses an empty one. */
  async set(key: string): Promise<void> {
    const trimmed = key.trim();
    if (!trimmed) throw new Error('The API key is empty.');
    await this.secrets.store(SECRET_KEY, trimmed);
    this.log.info('API key saved in secret storage.');
    this.read = undefined;
    await this.updateContextKey();
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
    this.log.info(`API key removed from secret storage.${this.usesEnvironmentFallback ? ' FLEXPRICE_API_KEY is still used.' : ''}`);
    this.read = undefined;
    await this.updateContextKey();
  }

  get usesEnvironmentFallback(): boolean {
    return this.environmentKey !== undefined;
  }

  /** Keeps the `flexprice.hasApiKey` context key (used by `when` clauses) in step. */
  async updateContextKey(): Promise<void> {
    await vscode.commands.executeCommand('setContext', CONTEXT_KEY, await this.has());
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
