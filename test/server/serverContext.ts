import type { DownloadLinks } from './downloadLinks';
import type { TaskStore } from './taskStore';

/** What route handlers need from the running server. */
export interface ServerContext {
  readonly store: TaskStore;
  readonly links: DownloadLinks;
  readonly clock: () => number;
  /** http://127.0.0.1:PORT, known once listening. */
  readonly origin: () => string;
}
