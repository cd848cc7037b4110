import { isFlexpriceApiError } from '../api/apiError';
import type { Task } from '../api/taskSchema';
import type { Logger } from '../log/logger';
import { Emitter } from './emitter';
import type { PolledChange, TaskFinished } from './polledTasks';
import type { TaskWatchListener } from './pollSubscriptions';

export type PollerState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'noKey' }
  | { readonly kind: 'current'; readonly at: number }
  /** `stopped`: the key was refused; nothing runs until reset() (key or settings changed) or refresh(). */
  | { readonly kind: 'failed'; readonly error: unknown; readonly stopped: boolean; readonly lastSuccessAt?: number };

export interface TaskPollerChange {
  /** Tasks whose content changed where they already were. */
  readonly updated: readonly Task[];
  /** The list (membership, order, total) or the set of separately fetched tasks changed. */
  readonly structural: boolean;
}

type ListenersOf = (id: string) => Iterable<TaskWatchListener>;

/**
 * What the poller tells: its state, its events and the watches' listeners. Every listener is
 * isolated: one that throws is logged and stops neither the others nor the schedule.
 */
export class PollerEvents {
  private current: PollerState = { kind: 'idle' };
  private lastSuccessAt: number | undefined;
  private readonly listenerFailed = (error: unknown) => this.log.error(`A listener of the poller failed: ${error instanceof Error ? error.message : String(error)}`);
  readonly changed = new Emitter<TaskPollerChange>(this.listenerFailed);
  readonly updated = new Emitter<Task>(this.listenerFailed);
  readonly finished = new Emitter<TaskFinished>(this.listenerFailed);
  readonly state = new Emitter<PollerState>(this.listenerFailed);

  constructor(private readonly log: Logger) {}

  get currentState(): PollerState {
    return this.current;
  }

  setState(state: PollerState): void {
    this.current = state;
    this.state.fire(state);
  }

  succeeded(at: number): void {
    this.lastSuccessAt = at;
    this.setState({ kind: 'current', at });
  }

  /** A new key or server: an earlier success says nothing about it. */
  restart(): void {
    this.lastSuccessAt = undefined;
    this.setState({ kind: 'idle' });
  }

  /** A failed cycle: the state, the watches and the log hear it. A refused key stops polling. */
  failed(error: unknown, everyone: Iterable<TaskWatchListener>): 'retry' | 'stop' | 'ignore' {
    const kind = isFlexpriceApiError(error) ? error.kind : undefined;
    if (kind === 'cancelled') return 'ignore';
    const stopped = kind === 'unauthorized' || kind === 'forbidden' || kind === 'http_refused';
    this.setState({ kind: 'failed', error, stopped, lastSuccessAt: this.lastSuccessAt });
    for (const listener of everyone) this.tell(() => listener.onError?.(error, stopped));
    if (!stopped) return 'retry';
    const why = kind === 'http_refused' ? 'sending the key over plain HTTP was declined' : 'the key was refused';
    this.log.warn(`Polling stopped: ${why}. It starts again when the key or settings change, or on Refresh.`);
    return 'stop';
  }

  /** Tells everyone what a cycle changed and which watched tasks the server no longer knows. */
  announce(change: PolledChange, missing: readonly { id: string; error: unknown }[], listenersOf: ListenersOf): void {
    for (const { id, error } of missing) {
      for (const listener of listenersOf(id)) this.tell(() => listener.onError?.(error, true));
    }
    const { updated, structural, firstReads, finished } = change;
    if (structural || updated.length > 0) this.changed.fire({ updated, structural });
    updated.forEach((task) => this.updated.fire(task));
    for (const task of [...firstReads, ...updated]) {
      for (const listener of listenersOf(task.id)) this.tell(() => listener.onUpdate(task));
    }
    finished.forEach((event) => this.finished.fire(event));
  }

  /** Runs a listener so that its failure is logged and stops nothing else. */
  tell(notify: () => void): void {
    try {
      notify();
    } catch (error) {
      this.listenerFailed(error);
    }
  }

  dispose(): void {
    for (const emitter of [this.changed, this.updated, this.finished, this.state]) emitter.dispose();
  }
}
