import * as vscode from 'vscode';

const SECRET_KEY = 'flexprice.apiKey';
const CONTEXT_KEY = 'flexprice.hasApiKey';

/**
 * The one owner of the Flexprice API key. The key lives only in VS Code's SecretStorage;
 * everything else asks this class for it and never keeps a copy.
 *
 * `FLEXPRICE_API_KEY` in the extension host's environment is a fallback for when no key is
 * stored, as the Flexprice CLI does: it lets the local demo run with its key preset.
 */
export class ApiKeyStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the key changes, in this window or in another one. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly environmentKey = process.env.FLEXPRICE_API_KEY?.trim() || undefined,
  ) {
    this.subscription = secrets.onDidChange((event) => {
      if (event.key !== SECRET_KEY) return;
      void this.updateContextKey();
      this.changed.fire();
    });
  }

  async get(): Promise<string | undefined> {
    return (await this.secrets.get(SECRET_KEY)) || this.environmentKey;
  }

  async has(): Promise<boolean> {
    return (await this.get()) !== undefined;
  }

  /** Stores a trimmed key; refuses an empty one. */
  async set(key: string): Promise<void> {
    const trimmed = key.trim();
    if (!trimmed) throw new Error('The API key is empty.');
    await this.secrets.store(SECRET_KEY, trimmed);
    await this.updateContextKey();
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
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
