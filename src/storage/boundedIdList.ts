import { recentIdsKey, watchedIdsKey } from './perConnectionState';

/** The part of vscode.Memento this needs, so it can be tested in plain Node. */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export interface BoundedIdListOptions {
  /** The globalState key; a function when it follows something that changes (the active connection). */
  readonly key: string | (() => string);
  readonly max: number;
  /** Where the newest ID goes; the oldest ones drop off the other end. */
  readonly newest: 'first' | 'last';
}

/**
 * A short list of task IDs kept in globalState, one per connection where the key says so (IDs only, nothing else): each ID once, the
 * newest at one end, at most `max`. Anything else left in storage is ignored.
 */
export class BoundedIdList {
  constructor(private readonly store: KeyValueStore, private readonly options: BoundedIdListOptions) {}

  list(): string[] {
    const saved = this.store.get<unknown>(this.key());
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
    await this.store.update(this.key(), undefined);
  }

  private key(): string {
    return typeof this.options.key === 'string' ? this.options.key : this.options.key();
  }

  private async save(ids: string[]): Promise<string[]> {
    const kept = this.options.newest === 'first' ? ids.slice(0, this.options.max) : ids.slice(-this.options.max);
    await this.store.update(this.key(), kept);
    return kept;
  }
}

/** A connection's task IDs looked up recently (Get Task offers them), most recent first. */
export const recentTaskIds = (store: KeyValueStore, connectionId: () => string) =>
  new BoundedIdList(store, { key: () => recentIdsKey(connectionId()), max: 20, newest: 'first' });

/** The IDs pinned in the tree's Watched group for a connection, in the order they were pinned. */
export const watchedTaskIds = (store: KeyValueStore, connectionId: () => string) =>
  new BoundedIdList(store, { key: () => watchedIdsKey(connectionId()), max: 50, newest: 'last' });
