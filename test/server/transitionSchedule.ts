import type { ServerTask } from './taskRecord';
import { rfc3339 } from './timestamps';

export interface PlannedStep {
  /** ms epoch at which the change happens on the server. */
  at: number;
  taskId: string;
  patch: Partial<ServerTask>;
}

interface StoreLike {
  update(id: string, patch: Partial<ServerTask>): ServerTask | undefined;
}

/**
 * Future task changes in time order. Applying them with each step's own time (not "now")
 * keeps updated_at/completed_at exactly where they were planned, whenever the clock is read.
 */
export class TransitionSchedule {
  private steps: PlannedStep[] = [];

  /** Inserts after any step with the same time, so equal-time steps keep the order they were planned in. */
  plan(step: PlannedStep): void {
    let low = 0;
    let high = this.steps.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.steps[mid].at <= step.at) low = mid + 1;
      else high = mid;
    }
    this.steps.splice(low, 0, step);
  }

  /** Applies every step due at or before `now`; returns how many changed a task that still exists. */
  applyDue(store: StoreLike, now: number): number {
    let due = 0;
    while (due < this.steps.length && this.steps[due].at <= now) due++;
    if (due === 0) return 0;
    const ready = this.steps.splice(0, due);
    let applied = 0;
    for (const step of ready) {
      if (store.update(step.taskId, { updated_at: rfc3339(step.at), ...step.patch })) applied++;
    }
    return applied;
  }

  pending(taskId?: string): readonly PlannedStep[] {
    return taskId === undefined ? [...this.steps] : this.steps.filter((step) => step.taskId === taskId);
  }

  clear(): void {
    this.steps = [];
  }
}
