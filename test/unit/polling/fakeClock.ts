import type { Clock, TimerHandle } from '../../../src/polling/clock';

/** Lets promise chains (the poller's cycles) run to completion between timer firings. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** A clock that moves only when the test says so. */
export class FakeClock implements Clock {
  private time: number;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  constructor(start = Date.parse('2026-03-01T12:00:00Z')) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as number);
  }

  get pendingTimers(): number {
    return this.timers.size;
  }

  /** Fires the earliest timer and lets the work it starts finish; returns how long it waited. */
  async runNext(): Promise<number | undefined> {
    await settle();
    const next = this.earliest();
    if (!next) return undefined;
    const waited = next.at - this.time;
    this.time = next.at;
    this.timers.delete(next.id);
    next.callback();
    await settle();
    return waited;
  }

  /** Moves time forward, firing every timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    await settle();
    for (let next = this.earliest(); next && next.at <= target; next = this.earliest()) {
      this.time = next.at;
      this.timers.delete(next.id);
      next.callback();
      await settle();
    }
    this.time = target;
  }

  private earliest(): { id: number; at: number; callback: () => void } | undefined {
    let best: { id: number; at: number; callback: () => void } | undefined;
    for (const [id, timer] of this.timers) if (!best || timer.at < best.at) best = { id, ...timer };
    return best;
  }
}
