import { Prng } from './prng';
import { copySchedule, type ServerSchedule } from './scheduleRecord';
import { DEFAULT_ENVIRONMENT_ID, DEFAULT_TENANT_ID } from './taskRecord';
import { rfc3339 } from './timestamps';
import { ulid } from './ulid';

/** `GET /tasks/scheduled` filters; `limit` 0 or absent means everything, as in the repository. */
export interface ScheduleQuery {
  connection_id?: string;
  entity_type?: string;
  interval?: string;
  enabled?: boolean;
  limit?: number;
  offset?: number;
}

/** The S3 connection a schedule writes through. Its keys stay here: no response ever carries them. */
export interface S3Connection {
  id: string;
  name: string;
  access_key_id: string;
  secret_access_key: string;
}

export interface ScheduleStoreOptions {
  clock: () => number;
  seed: number;
  environmentId?: string;
  tenantId?: string;
}

interface Entry {
  schedule: ServerSchedule;
  /** The Temporal action id, fixed per schedule: scheduled runs are `<uuid>-<RFC 3339 time>`. */
  runIdPrefix: string;
}

/**
 * In-memory scheduled exports of one environment, listed like the real repository: no ORDER BY,
 * so rows come in storage order, and (as with Postgres' MVCC) a row that was written moves to the end.
 */
export class ScheduleStore {
  private readonly entries = new Map<string, Entry>();
  private readonly connections = new Map<string, S3Connection>();
  private readonly random: Prng;
  private readonly beforeChangeHooks: (() => void)[] = [];
  readonly environmentId: string;
  readonly tenantId: string;

  constructor(private readonly options: ScheduleStoreOptions) {
    this.random = Prng.derive(options.seed, 'schedule-ids');
    this.environmentId = options.environmentId ?? DEFAULT_ENVIRONMENT_ID;
    this.tenantId = options.tenantId ?? DEFAULT_TENANT_ID;
  }

  /**
   * Runs before every change, so scheduled runs due before it happen under the old state
   * (the server's run engine advances to "now" here).
   */
  onBeforeChange(hook: () => void): void {
    this.beforeChangeHooks.push(hook);
  }

  /** Adds a schedule; anything not given gets the value of an enabled daily events export to a fresh connection. */
  add(partial: Partial<ServerSchedule> = {}, runIdPrefix?: string): ServerSchedule {
    this.beforeChange();
    const now = rfc3339(this.options.clock());
    const createdAt = partial.created_at ?? now;
    const connectionId = partial.connection_id ?? this.addConnection().id;
    if (!this.connections.has(connectionId)) this.addConnection({ id: connectionId });
    const schedule: ServerSchedule = {
      id: partial.id ?? `schtask_${ulid(Date.parse(createdAt) || this.options.clock(), this.random)}`,
      tenant_id: this.tenantId,
      environment_id: this.environmentId,
      connection_id: connectionId,
      entity_type: 'events',
      interval: 'daily',
      enabled: true,
      job_config: { bucket: 'acme-billing-exports', region: 'us-east-1', key_prefix: 'flexprice', compression: 'none', encryption: 'AES256' },
      status: 'published',
      ...partial,
      created_at: createdAt,
      updated_at: partial.updated_at ?? createdAt,
    };
    this.entries.set(schedule.id, { schedule, runIdPrefix: runIdPrefix ?? uuidV4(this.random) });
    return copySchedule(schedule);
  }

  get(id: string): ServerSchedule | undefined {
    const entry = this.entries.get(id);
    return entry && copySchedule(entry.schedule);
  }

  /** Every schedule, deleted ones too, in list order. */
  all(): ServerSchedule[] {
    return [...this.entries.values()].map((entry) => copySchedule(entry.schedule));
  }

  get size(): number {
    return this.entries.size;
  }

  /** What `GET /tasks/scheduled` returns: deleted rows included, storage order, paged only when limit > 0. */
  list(query: ScheduleQuery = {}): ServerSchedule[] {
    const matches = [...this.entries.values()]
      .map((entry) => entry.schedule)
      .filter((schedule) =>
        (query.connection_id === undefined || schedule.connection_id === query.connection_id) &&
        (query.entity_type === undefined || schedule.entity_type === query.entity_type) &&
        (query.interval === undefined || schedule.interval === query.interval) &&
        (query.enabled === undefined || schedule.enabled === query.enabled));
    const offset = query.offset && query.offset > 0 ? query.offset : 0;
    const end = query.limit && query.limit > 0 ? offset + query.limit : undefined;
    return matches.slice(offset, end).map(copySchedule);
  }

  /** Pause (false) or resume (true), as `PUT {"enabled":…}` does; unchanged when already so (updated_at too). */
  setEnabled(id: string, enabled: boolean): ServerSchedule | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.schedule.enabled === enabled) return copySchedule(entry.schedule);
    return this.write(id, { enabled });
  }

  /** The soft delete `DELETE` does: status deleted and disabled; the row stays listed. */
  markDeleted(id: string): ServerSchedule | undefined {
    if (!this.entries.has(id)) return undefined;
    return this.write(id, { status: 'deleted', enabled: false });
  }

  /** Any other change a test wants (updated_at moves to the clock unless given). */
  update(id: string, patch: Partial<ServerSchedule>): ServerSchedule | undefined {
    if (!this.entries.has(id)) return undefined;
    return this.write(id, patch);
  }

  /** Removes the row entirely (no real route does this; for tests of an empty list). */
  remove(id: string): boolean {
    this.beforeChange();
    return this.entries.delete(id);
  }

  clear(): void {
    this.beforeChange();
    this.entries.clear();
  }

  /** The `<uuid>` that prefixes this schedule's scheduled-run ids. */
  runIdPrefix(id: string): string | undefined {
    return this.entries.get(id)?.runIdPrefix;
  }

  connection(id: string): S3Connection | undefined {
    const connection = this.connections.get(id);
    return connection && { ...connection };
  }

  /** A new S3 connection with made-up keys (shaped like AWS's). */
  addConnection(partial: Partial<S3Connection> = {}): S3Connection {
    const random = this.random;
    const connection: S3Connection = {
      id: partial.id ?? `conn_${ulid(this.options.clock(), random)}`,
      name: partial.name ?? 'S3 exports',
      access_key_id: partial.access_key_id ?? `AKIA${randomText(random, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
      secret_access_key: partial.secret_access_key ?? randomText(random, 40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'),
    };
    this.connections.set(connection.id, connection);
    return { ...connection };
  }

  private write(id: string, patch: Partial<ServerSchedule>): ServerSchedule {
    this.beforeChange();
    const entry = this.entries.get(id)!;
    const schedule: ServerSchedule = { ...entry.schedule, updated_at: rfc3339(this.options.clock()), ...patch, id };
    // A written row moves to the end of the table's storage order.
    this.entries.delete(id);
    this.entries.set(id, { ...entry, schedule });
    return copySchedule(schedule);
  }

  private beforeChange(): void {
    for (const hook of this.beforeChangeHooks) hook();
  }
}

function randomText(random: Prng, length: number, alphabet: string): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[random.int(0, alphabet.length - 1)];
  return text;
}

/** A version-4 UUID from the seeded generator. */
export function uuidV4(random: Prng): string {
  const hex = randomText(random, 32, '0123456789abcdef').split('');
  hex[12] = '4';
  hex[16] = '89ab'[random.int(0, 3)];
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}
