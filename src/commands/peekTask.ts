import { isFlexpriceApiError } from '../api/apiError';
import { parseTaskDate } from '../api/taskDate';
import type { Task } from '../api/taskSchema';
import { isSettled } from '../api/taskSettlement';
import { readPollSettings } from '../configuration';
import { connectionLabel } from '../connections/connection';
import { formatCount } from '../format/count';
import { formatRelative } from '../format/time';
import { PEEK_TASK_COMMAND, type TaskPeek } from '../links/taskPeek';
import type { CoreCommandDeps } from './coreCommandDeps';

/** One read for a hover: the task and the connection it came from, or why there is none. */
export type PeekRead = { readonly task: Task; readonly connection: string } | { readonly problem: string; readonly connection?: string };

interface Entry {
  readonly read: Promise<PeekRead>;
  readonly at: number;
  pending: boolean;
  settled: boolean;
}

/** Enough for every ID a person hovers in a session; the oldest go first. */
const MAX_ENTRIES = 500;

/**
 * Hovers over task IDs, cached: one request per ID at a time, none again for a settled task
 * (it will not change), and a running task (or a failed read) read again at most once per
 * poll interval (`minIntervalMs`, the engine's own floor), however often it is hovered.
 */
export class TaskPeekCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly read: (taskId: string) => Promise<PeekRead>,
    private readonly now: () => number,
    private readonly minIntervalMs: () => number,
  ) {}

  /** The summary for `taskId`, read with the connection `connectionKey` names. */
  async peek(connectionKey: string, taskId: string): Promise<TaskPeek> {
    const key = `${connectionKey}\n${taskId}`;
    let entry = this.entries.get(key);
    if (!entry || !(entry.pending || entry.settled || this.now() - entry.at < this.minIntervalMs())) {
      const fresh: Entry = { read: this.read(taskId).catch((error: unknown) => ({ problem: problemOf(error) })), at: this.now(), pending: true, settled: false };
      void fresh.read.then((read) => {
        fresh.pending = false;
        fresh.settled = 'task' in read && isSettled(read.task, this.now());
      });
      this.entries.delete(key);
      this.entries.set(key, fresh);
      if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      entry = fresh;
    }
    return summary(taskId, await entry.read, this.now());
  }

  clear(): void {
    this.entries.clear();
  }
}

/** The hover's text for one read, aged as of `now` (a cached task's age still moves). */
export function summary(id: string, read: PeekRead, now: number): TaskPeek {
  if (!('task' in read)) return { id, problem: read.problem, connection: read.connection };
  const { task } = read;
  const counts = (
    [
      [task.processed_records, 'processed'],
      [task.successful_records, 'successful'],
      [task.failed_records, 'failed'],
    ] as const
  )
    .filter(([value]) => typeof value === 'number')
    .map(([value, noun]) => `${formatCount(value!)} ${noun}`);
  const total = typeof task.total_records === 'number' ? ` of ${formatCount(task.total_records)}` : '';
  const updated = parseTaskDate(task.updated_at) ?? parseTaskDate(task.created_at);
  return {
    id,
    status: task.task_status ?? 'UNKNOWN',
    what: [task.task_type, task.entity_type].filter(Boolean).join(' · ') || undefined,
    counts: counts.length > 0 ? `${counts.join(' · ')}${total}` : undefined,
    age: updated ? `updated ${formatRelative(updated, new Date(now))}` : undefined,
    connection: read.connection,
  };
}

function problemOf(error: unknown): string {
  if (isFlexpriceApiError(error)) return error.kind === 'not_found' ? 'not found' : error.message.slice(0, 200);
  return 'could not be read';
}

/** `flexprice.peekTask`: not contributed; the hover over a task ID calls it (activation cannot read tasks). */
export function register({ commands, clients, context }: CoreCommandDeps): void {
  let cache: TaskPeekCache | undefined;
  const made = (): TaskPeekCache => {
    if (cache) return cache;
    const fresh = new TaskPeekCache(
      async (taskId) => {
        const bound = await clients.active();
        if (!bound) return { problem: 'no API key for the connection in use' };
        const connection = connectionLabel(bound.connection);
        try {
          return { task: await bound.client.getTask(taskId), connection };
        } catch (error) {
          return { problem: problemOf(error), connection };
        }
      },
      () => Date.now(),
      () => readPollSettings().minIntervalMs,
    );
    // Another connection, key or URL: what was read belongs to the old one.
    context.subscriptions.push(clients.onDidChange(() => fresh.clear()));
    return (cache = fresh);
  };
  commands.define(PEEK_TASK_COMMAND, (taskId: unknown) => (typeof taskId === 'string' ? made().peek(clients.activeConnectionId ?? 'none', taskId) : undefined));
}
