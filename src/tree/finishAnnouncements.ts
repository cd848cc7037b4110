import { isSettled, type Task } from '../api/taskSchema';

/** Finishes this close together are announced in one notification. */
export const GROUP_WINDOW_MS = 5_000;

/** What to tell the user about one finish. */
export type Outcome = 'completed' | 'completedWithFailures' | 'failed' | 'mayRetry';

export interface Announcement {
  readonly task: Task;
  readonly outcome: Outcome;
}

/**
 * Decides which finishes to announce, once each. A FAILED import inside its retry window may
 * come back (CONTRACT.md): it is announced once as "may retry", and its later failures are not;
 * a task's final outcome is announced once. Announcements that fall within GROUP_WINDOW_MS of
 * the first are handed over together, so a burst of finishes makes one notification.
 * Time and the timer are injected; nothing here imports `vscode`.
 */
export class FinishAnnouncements {
  private readonly saidMayRetry = new Set<string>();
  private readonly saidFinal = new Set<string>();
  private batch: Announcement[] = [];
  private timer: unknown;

  constructor(
    private readonly deliver: (batch: readonly Announcement[]) => void,
    private readonly options: {
      readonly now: () => number;
      readonly retryWindowMs: number;
      readonly setTimer: (callback: () => void, ms: number) => unknown;
      readonly clearTimer: (timer: unknown) => void;
    },
  ) {}

  /** A task seen running is now COMPLETED or FAILED. */
  finished(task: Task): void {
    const outcome = this.outcomeOf(task);
    if (!outcome) return;
    this.batch.push({ task, outcome });
    this.timer ??= this.options.setTimer(() => this.flush(), GROUP_WINDOW_MS);
  }

  dispose(): void {
    if (this.timer !== undefined) this.options.clearTimer(this.timer);
    this.timer = undefined;
    this.batch = [];
  }

  private outcomeOf(task: Task): Outcome | undefined {
    if (this.saidFinal.has(task.id)) return undefined;
    if (task.task_status === 'FAILED' && !isSettled(task, this.options.now(), this.options.retryWindowMs)) {
      if (this.saidMayRetry.has(task.id)) return undefined;
      this.saidMayRetry.add(task.id);
      return 'mayRetry';
    }
    if (task.task_status === 'FAILED') {
      this.saidFinal.add(task.id);
      // Already told it failed; the retries gave up without a word more.
      return this.saidMayRetry.has(task.id) ? undefined : 'failed';
    }
    this.saidFinal.add(task.id);
    return (task.failed_records ?? 0) > 0 ? 'completedWithFailures' : 'completed';
  }

  private flush(): void {
    this.timer = undefined;
    const batch = this.batch;
    this.batch = [];
    if (batch.length > 0) this.deliver(batch);
  }
}

/** "4 exports finished, 1 failed": a burst in one line. */
export function summarize(batch: readonly Announcement[]): string {
  const types = new Set(batch.map(({ task }) => task.task_type));
  const noun = types.size === 1 && types.has('EXPORT') ? 'exports' : types.size === 1 && types.has('IMPORT') ? 'imports' : 'tasks';
  const failed = batch.filter(({ outcome }) => outcome === 'failed' || outcome === 'mayRetry').length;
  const withFailures = batch.filter(({ outcome }) => outcome === 'completedWithFailures').length;
  const parts = [`${batch.length} ${noun} finished`];
  if (failed > 0) parts.push(`${failed} failed`);
  if (withFailures > 0) parts.push(`${withFailures} with failed records`);
  return parts.join(', ');
}
