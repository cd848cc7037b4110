export interface PollSettings {
  /** The interval after a change, and the first one. */
  readonly minIntervalMs: number;
  /** The interval never grows past this while nothing changes. */
  readonly maxIntervalMs: number;
  /** Intervals are this many times longer while the window is unfocused. */
  readonly unfocusedMultiplier: number;
  /** Off: no cycle runs unless asked for (refresh, filter, load more, view shown). */
  readonly autoRefresh: boolean;
  /** Tasks per page of the list. */
  readonly pageSize: number;
  /** How long a FAILED task is still polled, since the server retries imports. */
  readonly retryWindowMs: number;
}

export const DEFAULT_POLL_SETTINGS: PollSettings = {
  minIntervalMs: 2_000,
  maxIntervalMs: 30_000,
  unfocusedMultiplier: 4,
  autoRefresh: true,
  pageSize: 50,
  retryWindowMs: 5 * 60_000,
};
