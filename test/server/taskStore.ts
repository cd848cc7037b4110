import { Prng } from './prng';
import { DEFAULT_ENVIRONMENT_ID, DEFAULT_TENANT_ID, SEED_USERS, type ServerTask } from './taskRecord';
import { parseRfc3339, rfc3339 } from './timestamps';
import { TransitionSchedule } from './transitionSchedule';
import { taskId } from './ulid';

export type SortField = 'created_at' | 'updated_at';

export interface TaskQuery {
  task_type?: string;
  entity_type?: string;
  task_status?: string;
  created_by?: string;
  scheduled_task_id?: string;
  /** Record status; `published` unless asked otherwise. */
  status?: string;
  /** Inclusive bounds on created_at, ms epoch. */
  startMs?: number;
  endMs?: number;
  sort?: SortField;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export interface TaskPage {
  items: ServerTask[];
  total: number;
}

interface Entry {
  task: ServerTask;
  createdMs: number;
  updatedMs: number;
  /** Stored by the real backend but never serialised: only the `scheduled_task_id` filter sees it. */
  scheduledTaskId?: string;
}

/** Columns a task has that its JSON never shows. */
export interface HiddenTaskFields {
  scheduledTaskId?: string;
}

export interface TaskStoreOptions {
  clock: () => number;
  seed: number;
  environmentId?: string;
  tenantId?: string;
}

const EQUALITY_FILTERS = ['task_type', 'entity_type', 'task_status', 'created_by', 'status'] as const;

/**
 * In-memory tasks with the list semantics of the real repository. Timestamps are parsed once
 * per write so listing 10,000 tasks stays a filter + numeric sort.
 */
export class TaskStore {
  private readonly entries = new Map<string, Entry>();
  private readonly random: Prng;
  /** Lifecycle steps planned for the future (simulator, scenarios); applied as the clock passes them. */
  readonly schedule = new TransitionSchedule();
  readonly environmentId: string;
  readonly tenantId: string;
  /** Run before planned steps are applied, e.g. scheduled exports creating their runs' tasks. */
  private readonly advanceHooks: ((now: number) => void)[] = [];

  constructor(private readonly options: TaskStoreOptions) {
    this.random = Prng.derive(options.seed, 'store-ids');
    this.environmentId = options.environmentId ?? DEFAULT_ENVIRONMENT_ID;
    this.tenantId = options.tenantId ?? DEFAULT_TENANT_ID;
  }

  /** Adds a task; anything not given gets the value a freshly created PENDING import would have. */
  add(partial: Partial<ServerTask> = {}, hidden: HiddenTaskFields = {}): ServerTask {
    const now = this.options.clock();
    const createdAt = partial.created_at ?? rfc3339(now);
    const task: ServerTask = {
      id: partial.id ?? taskId(parseRfc3339(createdAt) ?? now, this.random),
      task_type: 'IMPORT',
      entity_type: 'EVENTS',
      file_url: '',
      file_type: 'CSV',
      task_status: 'PENDING',
      total_records: null,
      processed_records: 0,
      successful_records: 0,
      failed_records: 0,
      error_summary: null,
      metadata: null,
      started_at: null,
      completed_at: null,
      failed_at: null,
      environment_id: this.environmentId,
      tenant_id: this.tenantId,
      status: 'published',
      created_by: SEED_USERS[0],
      updated_by: partial.created_by ?? SEED_USERS[0],
      ...partial,
      created_at: createdAt,
      updated_at: partial.updated_at ?? createdAt,
    };
    this.entries.set(task.id, { ...this.index(task), scheduledTaskId: hidden.scheduledTaskId });
    return copyTask(task);
  }

  /** The schedule that started this export, which the API never sends. */
  scheduledTaskIdOf(id: string): string | undefined {
    return this.entries.get(id)?.scheduledTaskId;
  }

  get(id: string): ServerTask | undefined {
    const entry = this.entries.get(id);
    return entry && copyTask(entry.task);
  }

  /** Applies a patch; `updated_at` moves to the clock unless the patch sets it. Undefined values remove a field (to test missing fields). */
  update(id: string, patch: Partial<ServerTask>): ServerTask | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    const task = { ...entry.task, updated_at: rfc3339(this.options.clock()), ...patch } as ServerTask;
    for (const key of Object.keys(patch) as (keyof ServerTask)[]) {
      if (patch[key] === undefined) delete task[key];
    }
    this.entries.set(id, { ...this.index(task), scheduledTaskId: entry.scheduledTaskId });
    return copyTask(task);
  }

  remove(id: string): boolean {
    return this.entries.delete(id);
  }

  all(): ServerTask[] {
    return [...this.entries.values()].map((entry) => copyTask(entry.task));
  }

  get size(): number {
    return this.entries.size;
  }

  /** Applies every planned lifecycle step due at or before `now`; returns how many tasks changed. */
  advanceTo(now: number): number {
    for (const hook of this.advanceHooks) hook(now);
    return this.schedule.applyDue(this, now);
  }

  /** `hook(now)` runs at the start of every advanceTo, before the planned steps due by then. */
  onAdvance(hook: (now: number) => void): void {
    this.advanceHooks.push(hook);
  }

  clear(): void {
    this.entries.clear();
    this.schedule.clear();
  }

  /** Filter, sort and page the way `GET /tasks` does. Items are copies. */
  list(query: TaskQuery = {}): TaskPage {
    const wanted = { status: 'published', ...query };
    const matches: Entry[] = [];
    for (const entry of this.entries.values()) {
      if (matchesQuery(entry, wanted)) matches.push(entry);
    }
    const key = query.sort === 'updated_at' ? 'updatedMs' : 'createdMs';
    const direction = query.order === 'asc' ? 1 : -1;
    matches.sort((a, b) => (a[key] - b[key]) * direction || (a.task.id < b.task.id ? -direction : a.task.id > b.task.id ? direction : 0));
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    return {
      items: matches.slice(offset, offset + limit).map((entry) => copyTask(entry.task)),
      total: matches.length,
    };
  }

  private index(task: ServerTask): Entry {
    return {
      task,
      createdMs: parseRfc3339(task.created_at) ?? 0,
      updatedMs: parseRfc3339(task.updated_at) ?? 0,
    };
  }
}

function matchesQuery(entry: Entry, query: TaskQuery): boolean {
  for (const field of EQUALITY_FILTERS) {
    const wanted = query[field];
    if (wanted !== undefined && (entry.task as unknown as Record<string, unknown>)[field] !== wanted) return false;
  }
  if (query.scheduled_task_id !== undefined && entry.scheduledTaskId !== query.scheduled_task_id) return false;
  if (query.startMs !== undefined && entry.createdMs < query.startMs) return false;
  if (query.endMs !== undefined && entry.createdMs > query.endMs) return false;
  return true;
}

function copyTask(task: ServerTask): ServerTask {
  return { ...task, metadata: task.metadata && { ...task.metadata } };
}
