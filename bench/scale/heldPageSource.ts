import type { Task } from '../../src/api/taskSchema';
import type { TaskListQuery, TaskPage, TaskSource } from '../../src/polling/taskSource';

/**
 * The real client as the poller's source, with one addition: a list page fetched beforehand
 * (through the same client, over HTTP) can be held and handed to the poller's next cycle, so a
 * timed cycle contains the poller's and the tree's work but no socket or JSON parsing time.
 */
export class HeldPageSource implements TaskSource {
  private held: TaskPage | undefined;

  constructor(private readonly client: TaskSource) {}

  /** Fetches the list through the client without handing it to the poller. */
  fetch(query: TaskListQuery): Promise<TaskPage> {
    return this.client.listTasks(query);
  }

  /** Fetches the list and holds it for the poller's next list request. */
  async prefetch(query: TaskListQuery): Promise<void> {
    this.hold(await this.fetch(query));
  }

  /** The next list request gets this page instead of going to the server. */
  hold(page: TaskPage): void {
    this.held = page;
  }

  listTasks(query: TaskListQuery, signal?: AbortSignal): Promise<TaskPage> {
    const held = this.held;
    this.held = undefined;
    return held ? Promise.resolve(held) : this.client.listTasks(query, signal);
  }

  getTask(id: string, signal?: AbortSignal): Promise<Task> {
    return this.client.getTask(id, signal);
  }
}
