import type { DownloadLinks } from './downloadLinks';
import type { ScheduledExports } from './scheduledExports';
import type { ScheduleStore } from './scheduleStore';
import type { TaskStore } from './taskStore';

/** What route handlers need from the running server. */
export interface ServerContext {
  readonly store: TaskStore;
  /** The environment's scheduled exports (empty unless seeded or added). */
  readonly schedules: ScheduleStore;
  /** Their runs: cadence and "run now". */
  readonly exports: ScheduledExports;
  readonly links: DownloadLinks;
  readonly clock: () => number;
  /** http://127.0.0.1:PORT, known once listening. */
  readonly origin: () => string;
}
