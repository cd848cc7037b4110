import { readStoredTask } from '../api/taskFields';
import type { Task } from '../api/taskSchema';
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
 * read back is checked field by field as an answer is (readStoredTask), without zod, so the
 * page can be shown at activation, before the heavy half loads.
 */
export class KeptPages {
  constructor(private readonly state: KeyValueStore) {}

  load(connectionId: string): KeptPage | undefined {
    const stored = this.state.get<unknown>(keptPageKey(connectionId));
    if (typeof stored !== 'object' || stored === null) return undefined;
    const { savedAt, tasks } = stored as { savedAt?: unknown; tasks?: unknown };
    if (typeof savedAt !== 'number' || !Number.isFinite(savedAt) || !Array.isArray(tasks)) return undefined;
    const parsed = tasks.slice(0, MAX_KEPT_TASKS).flatMap((item) => readStoredTask(item) ?? []);
    return parsed.length > 0 ? { savedAt, tasks: parsed } : undefined;
  }

  save(connectionId: string, tasks: readonly Task[], savedAt: number): Thenable<void> {
    const kept = tasks.slice(0, MAX_KEPT_TASKS).map(({ error_summary: _summary, ...task }) => task);
    return this.state.update(keptPageKey(connectionId), kept.length > 0 ? { savedAt, tasks: kept } : undefined);
  }
}
