import { isFlexpriceApiError } from '../api/apiError';
import type { Logger } from '../log/logger';
import type { Clock, TimerHandle } from './clock';
import { backoffDelay, nextInterval } from './pollDelay';
import type { PollSettings } from './pollSettings';

/** A server's Retry-After is obeyed within these bounds: never a burst, never a day's silence. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;
/** Stuck tasks (no change for an hour) are still looked at, this rarely. */
export const STALE_POLL_MS = 10 * 60_000;
/** setTimeout's limit; a longer delay fires at once in Node and browsers. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What still needs watching: nothing, only stalled tasks, or something live and moving. */
export type WatchNeed = 'none' | 'stale' | 'fresh';

export type CycleOutcome = { kind: 'changed' | 'unchanged' | 'stale' | 'noKey' } | { kind: 'error'; error: unknown };

export interface ScheduledWork {
  /** One cycle; `explicit` when asked for (not by the timer). */
  run(explicit: boolean, signal: AbortSignal): Promise<CycleOutcome>;
  need(): WatchNeed;
  /** When something must be read again, sooner than the cadence would (a run to look for); ms epoch. */
  dueAt?(): number | undefined;
  /** Why nothing needs watching, for the log. */
  idleReason(): string;
  /** A failed cycle: whether to retry later, stop until asked again (key refused), or ignore it. */
  failed(error: unknown): 'retry' | 'stop' | 'ignore';
}

/**
 * When cycles run: never two at once, one timer at most and none while nothing needs watching.
 * The interval adapts (min on a change, ×1.5 while nothing changes, up to max), stretches while
 * the window is unfocused, waits STALE_POLL_MS when only stalled tasks are left, backs off with
 * jitter after errors and obeys Retry-After within [min interval, MAX_RETRY_AFTER_MS].
 */
export class PollScheduler {
  private interval: number;
  private failures = 0;
  private stopped = false;
  private focused = true;
  private disposed = false;
  private timer: TimerHandle | undefined;
  /** When the pending timer was set and for how long, if it follows the cadence (not Retry-After). */
  private cadence: { setAt: number; delay: number } | undefined;
  private inFlight: { abort: AbortController; done: Promise<void> } | undefined;
  /** Why a cycle was asked for while one ran; it runs next. */
  private rerun: { reason: string; explicit: boolean } | undefined;
  private waiters: (() => void)[] = [];

  constructor(
    private settings: PollSettings,
    private readonly work: ScheduledWork,
    private readonly clock: Clock,
    private readonly random: () => number,
    private readonly log: Logger,
  ) {
    this.interval = settings.minIntervalMs;
  }

  get isScheduled(): boolean {
    return this.timer !== undefined;
  }

  /** Polling stopped after a refused key, until asked again or reset. */
  get isStopped(): boolean {
    return this.stopped;
  }

  get isActive(): boolean {
    return this.settings.autoRefresh && !this.stopped && !this.disposed;
  }

  async idle(): Promise<void> {
    while (this.inFlight) await this.inFlight.done;
  }

  /** Runs a cycle now (after the running one), even after a stop; resolves when it is done. */
  runNow(reason: string): Promise<void> {
    this.stopped = false;
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.request(true, reason);
    });
  }

  /**
   * Asks for a cycle now. One asked for while another runs follows it if `explicit`, or if
   * `afterRunning` (new work the running cycle did not know of); otherwise it is dropped.
   */
  request(explicit: boolean, reason: string, options: { afterRunning?: boolean } = {}): void {
    if (this.disposed) return;
    if (this.inFlight) {
      if (explicit || options.afterRunning) this.rerun = { reason: this.rerun?.reason ?? reason, explicit: explicit || (this.rerun?.explicit ?? false) };
      return;
    }
    this.cancelTimer();
    this.log.info(`Poll: ${reason}`);
    const waiters = this.waiters.splice(0);
    const abort = new AbortController();
    const done = this.work.run(explicit, abort.signal).then((outcome) => {
      this.inFlight = undefined;
      waiters.forEach((resolve) => resolve());
      if (this.disposed) return;
      const rerun = this.rerun ?? (this.waiters.length > 0 ? { reason: 'refresh', explicit: true } : undefined);
      this.rerun = undefined;
      if (rerun) this.request(rerun.explicit, `${rerun.reason} (asked for during the last cycle)`);
      else this.afterCycle(outcome);
    }).catch((error: unknown) => this.log.error(`A poll cycle failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`));
    this.inFlight = { abort, done };
  }

  /** The running cycle's answers are meaningless now: drop it and the pending timer. */
  abort(): void {
    this.inFlight?.abort.abort();
    this.cancelTimer();
  }

  /** Key or settings changed: no failures, no stop, back to the minimum interval. */
  reset(): void {
    this.stopped = false;
    this.failures = 0;
    this.interval = this.settings.minIntervalMs;
  }

  /** Sets the next cycle at the current interval, unless one is pending or running. */
  resume(): void {
    if (!this.timer && !this.inFlight) this.schedule(this.interval);
  }

  setFocused(focused: boolean): void {
    if (focused === this.focused) return;
    this.focused = focused;
    if (focused && !this.stopped && this.work.need() !== 'none') this.request(false, 'window focused');
    // Losing focus stretches the wait already under way, as if it had been set unfocused.
    else if (!focused && this.timer !== undefined && this.cadence) {
      const cadence = this.cadence;
      this.setTimer(Math.max(0, cadence.setAt + cadence.delay * this.settings.unfocusedMultiplier - this.clock.now()));
      this.cadence = cadence;
    }
  }

  updateSettings(settings: PollSettings): void {
    this.settings = settings;
    this.interval = Math.min(settings.maxIntervalMs, Math.max(settings.minIntervalMs, this.interval));
  }

  /** Cancels the pending cycle, saying why in the log if one was pending. */
  pause(reason: string): void {
    if (this.timer !== undefined) this.log.info(`Polling paused: ${reason}`);
    this.cancelTimer();
  }

  dispose(): void {
    this.disposed = true;
    this.abort();
    this.waiters.splice(0).forEach((resolve) => resolve());
  }

  private afterCycle(outcome: CycleOutcome): void {
    if (outcome.kind === 'stale' || outcome.kind === 'noKey') return;
    if (outcome.kind !== 'error') {
      this.failures = 0;
      this.interval = nextInterval(this.interval, outcome.kind === 'changed', this.settings);
      this.schedule(this.interval);
      return;
    }
    const verdict = this.work.failed(outcome.error);
    if (verdict === 'ignore') return;
    if (verdict === 'stop') {
      this.stopped = true;
      return;
    }
    this.failures += 1;
    const retryAfter = isFlexpriceApiError(outcome.error) ? outcome.error.retryAfterMs : undefined;
    if (retryAfter !== undefined) {
      this.setTimer(Math.min(MAX_RETRY_AFTER_MS, Math.max(this.settings.minIntervalMs, retryAfter)), 'as the server asked (Retry-After)');
    } else this.schedule(backoffDelay(this.failures, this.settings, this.random), `after ${this.failures} failed cycle(s)`);
  }

  /** Sets the next cycle `delay` ms away (stretched while unfocused), if anything needs watching. */
  private schedule(delay: number, why?: string): void {
    const need = this.isActive ? this.work.need() : 'none';
    if (need === 'none') {
      this.pause(this.isActive ? this.work.idleReason() : this.stopped ? 'the key was refused' : 'auto-refresh is off');
      return;
    }
    const onlyStale = need === 'stale';
    const dueAt = this.work.dueAt?.();
    const untilDue = dueAt === undefined ? Infinity : Math.max(this.settings.minIntervalMs, dueAt - this.clock.now());
    const wait = Math.min(onlyStale ? Math.max(delay, STALE_POLL_MS) : delay, untilDue);
    const reasons = [why, this.focused ? '' : 'window not focused', onlyStale ? 'only stalled tasks are running' : ''];
    this.setTimer(this.focused ? wait : wait * this.settings.unfocusedMultiplier, reasons.filter(Boolean).join(', '));
    this.cadence = { setAt: this.clock.now(), delay: wait };
  }

  private setTimer(delay: number, why = ''): void {
    if (!this.isActive) return;
    this.cancelTimer();
    this.log.info(`Next poll in ${(delay / 1000).toFixed(1)} s${why ? ` (${why})` : ''}`);
    this.cadence = undefined;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.request(false, 'timer');
    }, Math.min(delay, MAX_TIMER_MS));
  }

  private cancelTimer(): void {
    if (this.timer === undefined) return;
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
