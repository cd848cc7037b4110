import type { Disposable } from '../polling/emitter';
import type { TaskWatchListener } from '../polling/taskPoller';

export type { Disposable, TaskWatchListener };

/**
 * What the panel needs from the live-refresh engine: the sidebar's TaskPoller implements it, so
 * one engine, one timer and one request per cycle serve the tree and every panel.
 */
export interface TaskWatcher {
  watch(taskId: string, listener: TaskWatchListener): Disposable;
}
