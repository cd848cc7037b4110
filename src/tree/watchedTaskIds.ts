import type { KeyValueStore } from '../commands/recentTaskIds';

const STORAGE_KEY = 'flexprice.watchedTaskIds';
const MAX_WATCHED = 50;

/** The IDs pinned in the Watched group, kept in globalState (IDs only), oldest first. */
export class WatchedTaskIds {
  constructor(private readonly store: KeyValueStore) {}

  list(): string[] {
    const saved = this.store.get<unknown>(STORAGE_KEY);
    return Array.isArray(saved) ? saved.filter((id): id is string => typeof id === 'string').slice(-MAX_WATCHED) : [];
  }

  has(id: string): boolean {
    return this.list().includes(id);
  }

  async add(id: string): Promise<string[]> {
    const next = [...this.list().filter((known) => known !== id), id].slice(-MAX_WATCHED);
    await this.store.update(STORAGE_KEY, next);
    return next;
  }

  async remove(id: string): Promise<string[]> {
    const next = this.list().filter((known) => known !== id);
    await this.store.update(STORAGE_KEY, next);
    return next;
  }
}
