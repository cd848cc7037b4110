/** The part of vscode.Memento this needs, so it can be tested in plain Node. */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export interface BoundedIdListOptions {
  /** The globalState key. */
  readonly key: string;
  readonly max: number;
  /** Where the newest ID goes; the oldest ones drop off the other end. */
  readonly newest: 'first' | 'last';
}

/**
 * A short list of task IDs kept in globalState (IDs only, nothing else): each ID once, the
 * newest at one end, at most `max`. Anything else left in storage is ignored.
 */
export class BoundedIdList {
  constructor(private readonly store: KeyValueStore, private readonly options: BoundedIdListOptions) {}

  list(): string[] {
    const saved = this.store.get<unknown>(this.options.key);
    const ids = Array.isArray(saved) ? saved.filter((id): id is string => typeof id === 'string') : [];
    return this.options.newest === 'first' ? ids.slice(0, this.options.max) : ids.slice(-this.options.max);
  }

  has(id: string): boolean {
    return this.list().includes(id);
  }

  /** Adds an ID as the newest (moving it there if already listed); resolves to the new list. */
  add(id: string): Promise<string[]> {
    const others = this.list().filter((known) => known !== id);
    return this.save(this.options.newest === 'first' ? [id, ...others] : [...others, id]);
  }

  remove(id: string): Promise<string[]> {
    return this.save(this.list().filter((known) => known !== id));
  }

  async clear(): Promise<void> {
    await this.store.update(this.options.key, undefined);
  }

  private async save(ids: string[]): Promise<string[]> {
    const kept = this.options.newest === 'first' ? ids.slice(0, this.options.max) : ids.slice(-this.options.max);
    await this.store.update(this.options.key, kept);
    return kept;
  }
}

/** Task IDs looked up recently (Get Task offers them), most recent first. */
export const recentTaskIds = (store: KeyValueStore) => new BoundedIdList(store, { key: 'flexprice.recentTaskIds', max: 20, newest: 'first' });

/** The IDs pinned in the tree's Watched group, in the order they were pinned. */
export const watchedTaskIds = (store: KeyValueStore) => new BoundedIdList(store, { key: 'flexprice.watchedTaskIds', max: 50, newest: 'last' });
