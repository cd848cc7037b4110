import { FlexpriceApiError } from '../../../src/api/apiError';
import type { Task } from '../../../src/api/taskSchema';
import type { TaskListQuery, TaskPage, TaskSource } from '../../../src/polling/taskSource';

type Call = { kind: 'list'; query: TaskListQuery } | { kind: 'get'; id: string };

/**
 * An in-memory Flexprice for the poller's unit tests: answers like the real API (newest first,
 * exact filters, limit/offset, 404 for unknown IDs), records every call, and can fail or hold
 * answers on demand. The end-to-end tests use the real client and the local HTTP server instead.
 */
export class MemoryTaskSource implements TaskSource {
  readonly tasks = new Map<string, Task>();
  readonly calls: Call[] = [];
  /** Response bytes (as JSON) of every list answer, in order. */
  readonly listBytes: number[] = [];
  /** Errors thrown by the next calls, one per call. */
  readonly failNext: unknown[] = [];
  /** When set, answers wait until the test releases them. */
  holdAnswers = false;
  private readonly held: (() => void)[] = [];
  private running = 0;
  maxConcurrent = 0;

  add(...tasks: Task[]): void {
    for (const task of tasks) this.tasks.set(task.id, task);
  }

  /** Like every write on the server, moves `updated_at` (past every other write) unless the patch sets it. */
  update(id: string, patch: Partial<Task>): void {
    const task = this.tasks.get(id);
    if (!task) throw new Error(`no task ${id}`);
    const newest = Math.max(...[...this.tasks.values()].map((other) => Date.parse(String(other.updated_at)) || 0));
    this.tasks.set(id, { ...task, updated_at: new Date(newest + 1).toISOString(), ...patch });
  }

  count(kind?: Call['kind']): number {
    return this.calls.filter((call) => !kind || call.kind === kind).length;
  }

  releaseHeld(): void {
    this.held.splice(0).forEach((release) => release());
  }

  get heldCount(): number {
    return this.held.length;
  }

  listTasks(query: TaskListQuery): Promise<TaskPage> {
    this.calls.push({ kind: 'list', query });
    return this.answer(() => {
      const matching = [...this.tasks.values()]
        .filter((task) =>
          (!query.taskType || task.task_type === query.taskType) &&
          (!query.entityType || task.entity_type === query.entityType) &&
          (!query.taskStatus || task.task_status === query.taskStatus))
        .sort((a, b) => {
          const key = query.sort === 'updated_at' ? 'updated_at' : 'created_at';
          const order = String(b[key]).localeCompare(String(a[key]));
          return query.order === 'asc' ? -order : order;
        });
      const page = {
        items: matching.slice(query.offset, query.offset + query.limit).map((task) => ({ ...task })),
        pagination: { total: matching.length, limit: query.limit, offset: query.offset },
      };
      this.listBytes.push(JSON.stringify(page).length);
      return page;
    });
  }

  getTask(id: string): Promise<Task> {
    this.calls.push({ kind: 'get', id });
    return this.answer(() => {
      const task = this.tasks.get(id);
      if (!task) throw new FlexpriceApiError('not_found', 'Task not found', { status: 404 });
      return { ...task };
    });
  }

  private async answer<T>(produce: () => T): Promise<T> {
    this.running += 1;
    this.maxConcurrent = Math.max(this.maxConcurrent, this.running);
    try {
      if (this.holdAnswers) await new Promise<void>((resolve) => this.held.push(resolve));
      else await Promise.resolve();
      const failure = this.failNext.shift();
      if (failure) throw failure;
      return produce();
    } finally {
      this.running -= 1;
    }
  }
}

let sequence = 0;

/** A task as the schema hands it out, created `ageMs` before `now`. */
export function makeTask(now: number, patch: Partial<Task> = {}, ageMs = 60_000): Task {
  sequence += 1;
  const created = new Date(now - ageMs - sequence).toISOString();
  return {
    id: `task_${String(sequence).padStart(26, '0')}`,
    task_type: 'IMPORT',
    entity_type: 'EVENTS',
    file_type: 'CSV',
    file_url: 'https://files.example/events.csv',
    file_name: `events-${sequence}.csv`,
    task_status: 'PROCESSING',
    processed_records: 0,
    successful_records: 0,
    failed_records: 0,
    created_at: created,
    updated_at: created,
    ...patch,
  };
}
