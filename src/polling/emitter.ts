/** The shape of vscode.Disposable, without importing vscode. */
export interface Disposable {
  dispose(): void;
}

/** The shape of vscode.Event, so the tree can subscribe to the poller like to any VS Code event. */
export type Event<T> = (listener: (event: T) => void) => Disposable;

/**
 * A minimal event emitter for code that must not import vscode. Listeners are isolated: one
 * that throws is reported to `onListenerError` and the others still hear the event.
 */
export class Emitter<T> implements Disposable {
  private readonly listeners = new Set<(event: T) => void>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => undefined) {}

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  };

  fire(event: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
