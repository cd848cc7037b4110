/** The part of vscode.Memento this needs, so it can be tested in plain Node. */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

const STORAGE_KEY = 'flexprice.recentTaskIds';
export const MAX_RECENT_TASK_IDS = 20;

/** Task IDs looked up recently, most recent first, kept in globalState (IDs only, nothing else). */
export class RecentTaskIds {
  constructor(private readonly store: KeyValueStore) {}

  list(): string[] {
    const saved = this.store.get<unknown>(STORAGE_KEY);
    return Array.isArray(saved) ? saved.filter((id): id is string => typeof id === 'string').slice(0, MAX_RECENT_TASK_IDS) : [];
  }

  async remember(id: string): Promise<void> {
    const next = [id, ...this.list().filter((known) => known !== id)].slice(0, MAX_RECENT_TASK_IDS);
    await this.store.update(STORAGE_KEY, next);
  }

  async clear(): Promise<void> {
    await this.store.update(STORAGE_KEY, undefined);
  }
}
