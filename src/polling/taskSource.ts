import type { Task, UnreadableTask } from '../api/taskSchema';

/** The list filters the tree offers (exact matches on the server), named as in TaskListFilter. */
export interface TaskFilter {
  readonly taskType?: string;
  readonly entityType?: string;
  readonly taskStatus?: string;
}

export interface TaskListQuery extends TaskFilter {
  readonly limit: number;
  readonly offset: number;
  /** The server sorts by `created_at` unless told otherwise, newest first. */
  readonly sort?: 'created_at' | 'updated_at';
  readonly order?: 'asc' | 'desc';
}

export interface TaskPage {
  readonly items: readonly Task[];
  /** Items of this page that could not be read; the server's total counts them too. */
  readonly unreadable?: readonly UnreadableTask[];
  readonly pagination: { readonly total: number; readonly limit: number; readonly offset: number };
}

/** The two reads the poller needs from the Flexprice API; FlexpriceClient fits it as is. */
export interface TaskSource {
  listTasks(query: TaskListQuery, signal?: AbortSignal): Promise<TaskPage>;
  getTask(id: string, signal?: AbortSignal): Promise<Task>;
}
