/** The shape of vscode.Disposable, without importing vscode. */
export interface Disposable {
  dispose(): void;
}

/** The shape of vscode.Event, so the tree can subscribe to the poller like to any VS Code event. */
export type Event<T> = (listener: (event: T) => void) => Disposable;

/** A minimal event emitter for code that must not import vscode. */
export class Emitter<T> implements Disposable {
  private readonly listeners = new Set<(event: T) => void>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  };

  fire(event: T): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  dispose(): void {
    this.listeners.clear();
  }
}
