import type { Clock } from '../src/polling/clock';

/**
 * A compressed clock: after start(), `scale` ms of its time pass per wall-clock ms, counted from
 * `startAt`. The local server and the engine under test read the same instance, so minutes of
 * server time take seconds. Until start() it stands still at `startAt`, so setting up a server
 * and its tasks costs no time on it. Socket and CPU time are not compressed: every wall ms a
 * request takes counts as `scale` ms here, so delays measured on it err on the slow side.
 */
export class ScaledClock implements Clock {
  private wallStart: number | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly scale: number,
    readonly startAt: number,
  ) {}

  /** A function, so it can be handed to the server as is. */
  readonly now = (): number =>
    this.wallStart === undefined ? this.startAt : this.startAt + (performance.now() - this.wallStart) * this.scale;

  start(): void {
    this.wallStart ??= performance.now();
  }

  /** Time on this clock since start(). */
  elapsed(): number {
    return this.now() - this.startAt;
  }

  setTimeout(callback: () => void, ms: number): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      callback();
    }, Math.max(0, ms) / this.scale);
    this.timers.add(timer);
    return timer;
  }

  clearTimeout(handle: unknown): void {
    clearTimeout(handle as NodeJS.Timeout);
    this.timers.delete(handle as NodeJS.Timeout);
  }

  /** Resolves after `ms` of this clock's time. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimeout(resolve, ms));
  }

  /** Clears timers still pending (a run cut short), so they cannot keep the process alive. */
  dispose(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }
}
