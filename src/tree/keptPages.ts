import { TaskSchema, type Task } from '../api/taskSchema';
import type { KeyValueStore } from '../storage/boundedIdList';
import { keptPageKey } from '../storage/perConnectionState';

/** A connection's first page as last read, shown at once on start and after a switch. */
export interface KeptPage {
  readonly savedAt: number;
  readonly tasks: readonly Task[];
}

/** No more than a first page is kept: it is there to show something at once, not to be a cache. */
const MAX_KEPT_TASKS = 100;

/**
 * Each connection's last first page, in the extension's global storage. Error summaries are
 * left out (they have no practical size limit and the panel reads them fresh), and what is
 * read back goes through the task schema like any answer: a kept copy is never trusted more.
 */
export class KeptPages {
  constructor(private readonly state: KeyValueStore) {}

  load(connectionId: string): KeptPage | undefined {
    const stored = this.state.get<unknown>(keptPageKey(connectionId));
    if (typeof stored !== 'object' || stored === null) return undefined;
    const { savedAt, tasks } = stored as { savedAt?: unknown; tasks?: unknown };
    if (typeof savedAt !== 'number' || !Number.isFinite(savedAt) || !Array.isArray(tasks)) return undefined;
    const parsed = tasks.slice(0, MAX_KEPT_TASKS).flatMap((item) => {
      const result = TaskSchema.safeParse(item);
      return result.success ? [result.data] : [];
    });
    return parsed.length > 0 ? { savedAt, tasks: parsed } : undefined;
  }

  save(connectionId: string, tasks: readonly Task[], savedAt: number): Thenable<void> {
    const kept = tasks.slice(0, MAX_KEPT_TASKS).map(({ error_summary: _summary, ...task }) => task);
    return this.state.update(keptPageKey(connectionId), kept.length > 0 ? { savedAt, tasks: kept } : undefined);
  }
}
