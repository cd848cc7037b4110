import type { LocalFlexpriceServer } from '../../test/server/flexpriceServer';

/**
 * Changes `count` running tasks on the server, as a busy account would between two polls: half
 * of them finish (COMPLETED, so they move from Running to Completed in the tree and raise
 * onDidFinishTask), the other half report progress (same group, only their rows change).
 * `writtenAt` sets their `updated_at`, as the server's own clock would.
 */
export function changeRunningTasks(server: LocalFlexpriceServer, count: number, writtenAt?: string): void {
  const running = server.store.all().filter((task) => task.task_status === 'PROCESSING');
  const half = Math.floor(count / 2);
  if (running.length < count) throw new Error(`only ${running.length} running tasks left to change`);
  const now = new Date().toISOString();
  for (const task of running.slice(0, half)) {
    server.store.update(task.id, { task_status: 'COMPLETED', completed_at: now, processed_records: 500, successful_records: 500, failed_records: 0, ...written(writtenAt) });
  }
  for (const task of running.slice(-(count - half))) {
    server.store.update(task.id, { processed_records: (task.processed_records ?? 0) + 100, ...written(writtenAt) });
  }
}

/** The server's clock stands still in this benchmark; a write can be stamped with the real time instead. */
function written(at: string | undefined): { updated_at?: string } {
  return at === undefined ? {} : { updated_at: at };
}
