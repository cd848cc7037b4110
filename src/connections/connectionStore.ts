import { randomUUID } from 'node:crypto';
import { Emitter, type Event } from '../polling/emitter';
import type { KeyValueStore } from '../storage/boundedIdList';
import { apiUrlProblem, type Connection, type ConnectionIdentity, secretName } from './connection';
import type { EnvironmentConnection } from './environmentConnections';
import { perConnectionKeys } from '../storage/perConnectionState';

/** The part of vscode.SecretStorage this needs, so it runs in plain Node. */
export interface SecretStore {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
}

/**
 * What changed. `active`: the connection in use is another one, or its URL or environment
 * changed, so everything read from the old one is void. `key`: a connection's key changed.
 * `list`: connections were added, renamed or removed. `identity`: identification learnt more.
 */
export type ConnectionChange =
  | { readonly kind: 'active' }
  | { readonly kind: 'key'; readonly id: string }
  | { readonly kind: 'list' }
  | { readonly kind: 'identity'; readonly id: string };

export interface NewConnection {
  readonly name: string;
  readonly apiUrl: string;
  readonly environmentId?: string;
  readonly identity?: ConnectionIdentity;
  /** Named by the extension (e.g. on migration), so identification may rename it. */
  readonly autoNamed?: boolean;
}

export interface ConnectionPatch {
  readonly name?: string;
  readonly apiUrl?: string;
  /** An empty string removes it. */
  readonly environmentId?: string;
}

interface SavedConnection {
  readonly id: string;
  readonly name: string;
  readonly apiUrl: string;
  readonly environmentId?: string;
  readonly autoNamed?: boolean;
}

export const CONNECTIONS_KEY = 'flexprice.connections';
export const ACTIVE_CONNECTION_KEY = 'flexprice.activeConnection';
const IDENTITIES_KEY = 'flexprice.connectionIdentities';
/** SecretStorage reports a write within milliseconds; a later event is another change. */
const ECHO_WINDOW_MS = 2_000;

/**
 * Every connection the user has, which one is active, and each one's key. Saved connections
 * (no secrets in them) live in the extension's global storage, their keys in SecretStorage;
 * connections from the environment are listed after them and cannot be changed here.
 *
 * The active one is, in order: the one chosen in this window, the one the workspace names
 * (`flexprice.connection`, by name: it can only pick among the user's own), the one chosen
 * last in any window, the first.
 */
export class ConnectionStore {
  private readonly changed = new Emitter<ConnectionChange>();
  readonly onDidChange: Event<ConnectionChange> = this.changed.event;
  /** Chosen in this window (Switch Connection), which beats the workspace's pick. */
  private chosen: string | undefined;
  /** Secrets this store just wrote, and when: their SecretStorage events are echoes. */
  private readonly echoes = new Map<string, number>();
  /** Key reads by connection ID, until that secret changes. */
  private readonly keyReads = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly state: KeyValueStore,
    private readonly secrets: SecretStore,
    private readonly fromEnvironment: readonly EnvironmentConnection[] = [],
    private readonly workspacePick: () => string | undefined = () => undefined,
  ) {}

  list(): Connection[] {
    const identities = this.identities();
    const withIdentity = (connection: Connection): Connection =>
      identities[connection.id] ? { ...connection, identity: identities[connection.id] } : connection;
    const saved = this.saved().map(({ autoNamed: _autoNamed, ...connection }): Connection => ({ ...connection, origin: 'saved' }));
    return [...saved, ...this.fromEnvironment.map(({ connection }) => connection)].map(withIdentity);
  }

  get(id: string): Connection | undefined {
    return this.list().find((connection) => connection.id === id);
  }

  byName(name: string): Connection | undefined {
    const wanted = name.trim().toLowerCase();
    return this.list().find((connection) => connection.name.toLowerCase() === wanted);
  }

  active(): Connection | undefined {
    const all = this.list();
    const byId = (id: unknown) => (typeof id === 'string' ? all.find((connection) => connection.id === id) : undefined);
    const pick = this.workspacePick();
    return byId(this.chosen) ?? (pick ? this.byName(pick) : undefined) ?? byId(this.state.get(ACTIVE_CONNECTION_KEY)) ?? all[0];
  }

  /** The name the workspace asks for when the user has no connection of that name. */
  missingWorkspacePick(): string | undefined {
    const pick = this.workspacePick()?.trim();
    return pick && !this.byName(pick) ? pick : undefined;
  }

  async setActive(id: string): Promise<void> {
    if (!this.get(id)) throw new Error('That connection no longer exists.');
    const before = this.active()?.id;
    this.chosen = id;
    // This window switches at once; storing the choice for other windows can follow.
    const stored = this.state.update(ACTIVE_CONNECTION_KEY, id);
    if (before !== id) this.changed.fire({ kind: 'active' });
    await stored;
  }

  /** The workspace's `flexprice.connection` changed: the active connection may be another one now. */
  workspacePickChanged(before: string | undefined): void {
    // A new pick is a choice too: it beats an earlier switch in this window.
    this.chosen = undefined;
    if (this.active()?.id !== before) this.changed.fire({ kind: 'active' });
  }

  async add(input: NewConnection, key?: string): Promise<Connection> {
    const name = this.checkName(input.name);
    const urlProblem = apiUrlProblem(input.apiUrl);
    if (urlProblem) throw new Error(urlProblem);
    const id = randomUUID();
    const before = this.active()?.id;
    const environmentId = input.environmentId?.trim() || undefined;
    // The key first: a connection is never listed without the key it was added with.
    if (key?.trim()) await this.secrets.store(secretName(id), key.trim());
    const saved: SavedConnection = { id, name, apiUrl: input.apiUrl.trim(), ...(environmentId ? { environmentId } : {}), ...(input.autoNamed ? { autoNamed: true } : {}) };
    await this.state.update(CONNECTIONS_KEY, [...this.saved(), saved]);
    if (input.identity) await this.saveIdentity(id, input.identity);
    this.changed.fire({ kind: 'list' });
    // The first connection, or the one the workspace names, is in use from now on.
    if (this.active()?.id !== before) this.changed.fire({ kind: 'active' });
    return this.get(id)!;
  }

  /** Renames, or changes where a connection points; a new URL or environment forgets what it was identified as. */
  async update(id: string, patch: ConnectionPatch): Promise<Connection> {
    const current = this.savedOne(id);
    const name = patch.name === undefined ? current.name : this.checkName(patch.name, id);
    const apiUrl = patch.apiUrl?.trim() ?? current.apiUrl;
    const urlProblem = apiUrlProblem(apiUrl);
    if (urlProblem) throw new Error(urlProblem);
    const environmentId = patch.environmentId === undefined ? current.environmentId : patch.environmentId.trim() || undefined;
    const moved = apiUrl !== current.apiUrl || environmentId !== current.environmentId;
    const before = this.active()?.id;
    const wasActive = before === id;
    const next: SavedConnection = { id, name, apiUrl, ...(environmentId ? { environmentId } : {}), ...(current.autoNamed && name === current.name ? { autoNamed: true } : {}) };
    await this.state.update(CONNECTIONS_KEY, this.saved().map((connection) => (connection.id === id ? next : connection)));
    if (moved) await this.saveIdentity(id, undefined);
    this.changed.fire({ kind: 'list' });
    // A rename can make the workspace's pick name another connection, or none.
    if ((moved && wasActive) || this.active()?.id !== before) this.changed.fire({ kind: 'active' });
    return this.get(id)!;
  }

  /** Removes a saved connection with its key, its recent and watched IDs and its kept page. */
  async remove(id: string): Promise<void> {
    this.savedOne(id);
    const wasActive = this.active()?.id === id;
    await this.state.update(CONNECTIONS_KEY, this.saved().filter((connection) => connection.id !== id));
    await this.secrets.delete(secretName(id));
    this.keyReads.delete(id);
    await this.saveIdentity(id, undefined);
    for (const key of perConnectionKeys(id)) await this.state.update(key, undefined);
    if (this.chosen === id) this.chosen = undefined;
    this.changed.fire({ kind: 'list' });
    if (wasActive) this.changed.fire({ kind: 'active' });
  }

  /** The connection's key: from SecretStorage, or the environment's. Undefined when none is set. */
  key(id: string): Promise<string | undefined> {
    const fromEnvironment = this.fromEnvironment.find(({ connection }) => connection.id === id);
    if (fromEnvironment) return Promise.resolve(fromEnvironment.key);
    let read = this.keyReads.get(id);
    if (!read) {
      const started = Promise.resolve(this.secrets.get(secretName(id))).then((stored) => stored || undefined);
      // A failed read is not remembered: the next call asks again.
      started.catch(() => this.keyReads.get(id) === started && this.keyReads.delete(id));
      this.keyReads.set(id, started);
      read = started;
    }
    return read;
  }

  async setKey(id: string, key: string): Promise<void> {
    this.savedOne(id);
    const trimmed = key.trim();
    if (!trimmed) throw new Error('The API key is empty.');
    await this.ownWrite(secretName(id), () => this.secrets.store(secretName(id), trimmed));
  }

  async clearKey(id: string): Promise<void> {
    this.savedOne(id);
    await this.ownWrite(secretName(id), () => this.secrets.delete(secretName(id)));
  }

  /**
   * A write of ours takes effect at once (the caller may read the key next), and SecretStorage's
   * own event for it, which follows, is then not a second change.
   */
  private async ownWrite(secret: string, write: () => Thenable<void>): Promise<void> {
    // Marked before writing: SecretStorage may report the write before the write resolves.
    this.echoes.set(secret, Date.now());
    await write();
    this.secretChanged(secret, false);
  }

  /** A secret changed, here or in another window (`fromEvent`): forget its read and say so. */
  secretChanged(secret: string, fromEvent = true): void {
    const connection = this.saved().find(({ id }) => secretName(id) === secret);
    if (!connection) return;
    const echo = this.echoes.get(secret);
    if (fromEvent && echo !== undefined) {
      this.echoes.delete(secret);
      if (Date.now() - echo < ECHO_WINDOW_MS) return;
    }
    this.keyReads.delete(connection.id);
    this.changed.fire({ kind: 'key', id: connection.id });
  }

  /** Keeps what identification learnt; a connection the extension named is renamed after it. */
  async setIdentity(id: string, identity: ConnectionIdentity, suggestedName?: string): Promise<void> {
    if (!this.get(id)) return;
    const before = this.active()?.id;
    await this.saveIdentity(id, identity);
    const saved = this.saved().find((connection) => connection.id === id);
    if (saved?.autoNamed && suggestedName && !this.nameProblem(suggestedName, id)) {
      await this.state.update(CONNECTIONS_KEY, this.saved().map((connection) => (connection.id === id ? { ...saved, name: suggestedName, autoNamed: undefined } : connection)));
      this.changed.fire({ kind: 'list' });
      if (this.active()?.id !== before) this.changed.fire({ kind: 'active' });
    }
    this.changed.fire({ kind: 'identity', id });
  }

  /** Checks a name for a new or renamed connection: not empty, not another connection's. */
  nameProblem(name: string, exceptId?: string): string | undefined {
    const trimmed = name.trim();
    if (!trimmed) return 'Enter a name.';
    if (trimmed.length > 80) return 'Use at most 80 characters.';
    if (this.nameTaken(trimmed, exceptId)) return `Another connection is called "${trimmed}".`;
    return undefined;
  }

  /** `base`, or `base 2`, `base 3`… the first no connection has, cut to fit the length a name may have. */
  freeName(base: string): string {
    const stem = base.length > 70 ? `${base.slice(0, 69)}…` : base;
    for (let n = 1; ; n += 1) {
      const name = n === 1 ? stem : `${stem} ${n}`;
      if (!this.nameProblem(name)) return name;
    }
  }

  dispose(): void {
    this.changed.dispose();
  }

  private checkName(name: string, exceptId?: string): string {
    const problem = this.nameProblem(name, exceptId);
    if (problem) throw new Error(problem);
    return name.trim();
  }

  private nameTaken(name: string, exceptId?: string): boolean {
    const wanted = name.trim().toLowerCase();
    return this.list().some((connection) => connection.id !== exceptId && connection.name.toLowerCase() === wanted);
  }

  private savedOne(id: string): SavedConnection {
    const found = this.saved().find((connection) => connection.id === id);
    if (found) return found;
    if (this.fromEnvironment.some(({ connection }) => connection.id === id)) {
      throw new Error('This connection comes from the environment (FLEXPRICE_API_KEY or FLEXPRICE_CONNECTIONS): change it there.');
    }
    throw new Error('That connection no longer exists.');
  }

  /** The saved list as stored; entries that are not connections (hand-edited, or from a newer version) are skipped. */
  private saved(): SavedConnection[] {
    const stored = this.state.get<unknown>(CONNECTIONS_KEY);
    if (!Array.isArray(stored)) return [];
    return stored.filter(
      (item): item is SavedConnection =>
        typeof item === 'object' && item !== null && typeof item.id === 'string' && typeof item.name === 'string' && typeof item.apiUrl === 'string',
    );
  }

  private identities(): Record<string, ConnectionIdentity> {
    const stored = this.state.get<unknown>(IDENTITIES_KEY);
    return typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, ConnectionIdentity>) : {};
  }

  private async saveIdentity(id: string, identity: ConnectionIdentity | undefined): Promise<void> {
    const { [id]: _old, ...others } = this.identities();
    await this.state.update(IDENTITIES_KEY, identity ? { ...others, [id]: identity } : others);
  }
}
