import { taskTimeMs } from '../api/taskDate';
import type { Task } from '../api/taskSchema';
import { hasChanged } from './taskChanges';

/**
 * Every task as the last list answers showed it (the loaded pages, and anything a change read
 * brought back), which is what an incremental cycle compares against. After each successful list
 * read all of these are current, so any later write sorts above them by `updated_at`: the first
 * answer item still equal to its version here marks where the changes end.
 */
export class ListVersions {
  /** The last full read, indexed only when a change read first needs it: Refresh stays a plain copy. */
  private base: readonly Task[] = [];
  private index: Map<string, Task> | undefined;
  /** The newest `updated_at` recorded: no task created after the last read can be older. */
  private newestWriteMs = Number.NEGATIVE_INFINITY;

  /** Starts over from a full read of the list. */
  reset(tasks: readonly Task[]): void {
    this.base = tasks;
    this.index = undefined;
  }

  record(task: Task): void {
    this.versions().set(task.id, task);
    this.noteWrite(task);
  }

  get(id: string): Task | undefined {
    return this.versions().get(id);
  }

  /** Exactly as last read: nothing below it in an `updated_at` answer can have changed since. */
  isCurrent(task: Task): boolean {
    const known = this.versions().get(task.id);
    return known !== undefined && known.updated_at === task.updated_at && !hasChanged(known, task);
  }

  /**
   * Created since the last read. A task that existed then either was in that read (and is
   * recorded) or was written before every recorded one, so was created before them too.
   */
  isNew(task: Task): boolean {
    if (this.versions().has(task.id)) return false;
    const created = taskTimeMs(task.created_at);
    return created !== undefined && created > this.newestWriteMs;
  }

  private versions(): Map<string, Task> {
    if (this.index) return this.index;
    this.index = new Map();
    this.newestWriteMs = Number.NEGATIVE_INFINITY;
    for (const task of this.base) {
      this.index.set(task.id, task);
      this.noteWrite(task);
    }
    this.base = [];
    return this.index;
  }

  private noteWrite(task: Task): void {
    const written = taskTimeMs(task.updated_at);
    if (written !== undefined && written > this.newestWriteMs) this.newestWriteMs = written;
  }
}
