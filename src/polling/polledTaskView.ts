import { isSettled, isStale, type Task, type UnreadableTask } from '../api/taskSchema';
import type { Clock } from './clock';
import type { PolledTasks } from './polledTasks';
import type { TaskJudge } from './pollSubscriptions';

/** Judges tasks by the engine's clock: settled after the retry window, stale after an hour unchanged. */
export class ClockJudge implements TaskJudge {
  constructor(private readonly clock: Clock, public retryWindowMs: number) {}

  isLive(task: Task | undefined): boolean {
    return task === undefined || !isSettled(task, this.clock.now(), this.retryWindowMs);
  }

  isStale(task: Task): boolean {
    return isStale(task, this.clock.now());
  }
}

/** The read side of the poller: what is known about the tasks, as the views ask for it. */
export abstract class PolledTaskView {
  protected constructor(protected readonly reads: PolledTasks, protected readonly judge: ClockJudge, protected readonly clock: Clock) {}

  /** The loaded pages, newest first as the server sorts them; undefined before the first load. */
  get tasks(): readonly Task[] | undefined {
    return this.reads.items;
  }

  /** How many tasks match the filter on the server. */
  get total(): number {
    return this.reads.total;
  }

  /** Items of the loaded list that could not be read (shown as their own rows). */
  get unreadable(): readonly UnreadableTask[] {
    return this.reads.unreadable;
  }

  get hasMore(): boolean {
    const items = this.reads.items;
    return items !== undefined && items.length + this.reads.unreadable.length < this.reads.total;
  }

  /** The freshest read of a task: from the list if it is there, else from its own request. */
  task(id: string): Task | undefined {
    return this.reads.get(id);
  }

  /** Whether the last request for this ID answered 404. */
  isMissing(id: string): boolean {
    return this.reads.isMissing(id);
  }

  /** A running task with no change for over an hour: polled rarely, not counted as running. */
  isStale(id: string): boolean {
    const task = this.task(id);
    return task !== undefined && this.judge.isStale(task);
  }

  /** The engine's time, by which staleness and settling are judged. */
  now(): number {
    return this.clock.now();
  }
}
