import type { Clock, TimerHandle } from '../polling/clock';

/** Calls `tick` every `everyMs` while started: one timer at most, set again before each tick. */
export class RepeatingTimer {
  private handle: TimerHandle | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly everyMs: number,
    private readonly tick: () => void,
  ) {}

  get running(): boolean {
    return this.handle !== undefined;
  }

  /** Starts ticking, `everyMs` from now; does nothing while it already runs. */
  start(): void {
    if (this.handle === undefined) this.schedule();
  }

  stop(): void {
    if (this.handle === undefined) return;
    this.clock.clearTimeout(this.handle);
    this.handle = undefined;
  }

  private schedule(): void {
    this.handle = this.clock.setTimeout(() => {
      // Set first, so a tick that throws does not end the ticking and one that stops it can.
      this.schedule();
      this.tick();
    }, this.everyMs);
  }
}
