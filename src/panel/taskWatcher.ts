import { isSettled, DEFAULT_RETRY_WINDOW_MS, type Task } from '../api/taskSchema';

/** Anything that can be stopped; structurally a vscode.Disposable. */
export interface Disposable {
  dispose(): void;
}

export interface TaskWatchListener {
  /** Every fresh copy of the task fetched while watching. */
  onUpdate(task: Task): void;
  /** A failed refresh; watching goes on (with a longer wait) unless the failure is permanent. */
  onError?(error: unknown, stopped: boolean): void;
}

/**
 * What the panel needs from a live-refresh engine. The panel subscribes only while it is
 * visible and the task may still change; the sidebar's poller can implement this too, so one
 * engine serves both.
 */
export interface TaskWatcher {
  watch(taskId: string, listener: TaskWatchListener): Disposable;
}

export interface BackoffOptions {
  readonly fetchTask: (taskId: string, signal: AbortSignal) => Promise<Task>;
  readonly minDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly retryWindowMs?: number;
  readonly now?: () => number;
  readonly setTimer?: (callback: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

/** Failures that another try will not fix: stop instead of hammering the server. */
const PERMANENT_FAILURES = new Set(['unauthorized', 'forbidden', 'not_found', 'bad_request', 'invalid_id', 'invalid_response', 'http_refused']);

/**
 * One timer per watched task. The wait doubles while nothing changes (and after failures, or
 * as long as `Retry-After` says), drops back to the minimum when the task changes, and the
 * watch ends by itself once the task is settled (COMPLETED, or FAILED beyond the retry window).
 */
export class BackoffTaskWatcher implements TaskWatcher {
  private readonly minDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(private readonly options: BackoffOptions) {
    this.minDelayMs = options.minDelayMs ?? 2_000;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
  }

  private longer(delay: number): number {
    return Math.min(delay * 2, this.maxDelayMs);
  }

  watch(taskId: string, listener: TaskWatchListener): Disposable {
    const setTimer = this.options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    const clearTimer = this.options.clearTimer ?? ((handle) => clearTimeout(handle as NodeJS.Timeout));
    const now = this.options.now ?? Date.now;
    let delay = this.minDelayMs;
    let timer: unknown;
    let inFlight: AbortController | undefined;
    let previous: string | undefined;
    let stopped = false;

    const schedule = (ms: number) => {
      if (!stopped) timer = setTimer(poll, Math.max(ms, this.minDelayMs));
    };
    const poll = async () => {
      timer = undefined;
      inFlight = new AbortController();
      try {
        const task = await this.options.fetchTask(taskId, inFlight.signal);
        if (stopped) return;
        const fingerprint = JSON.stringify(task);
        delay = previous === undefined || fingerprint !== previous ? this.minDelayMs : this.longer(delay);
        previous = fingerprint;
        listener.onUpdate(task);
        if (isSettled(task, now(), this.options.retryWindowMs ?? DEFAULT_RETRY_WINDOW_MS)) stopped = true;
        else schedule(delay);
      } catch (error) {
        if (stopped) return;
        const kind = (error as { kind?: unknown }).kind;
        const permanent = kind === 'cancelled' || PERMANENT_FAILURES.has(String(kind));
        if (permanent) stopped = true;
        listener.onError?.(error, permanent);
        // Retry-After wins over the cap: the server said how long to stay away.
        delay = Math.max(this.longer(delay), Number((error as { retryAfterMs?: unknown }).retryAfterMs) || 0);
        schedule(delay);
      } finally {
        inFlight = undefined;
      }
    };

    schedule(delay);
    return {
      dispose: () => {
        stopped = true;
        if (timer !== undefined) clearTimer(timer);
        inFlight?.abort();
      },
    };
  }
}
