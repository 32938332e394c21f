/**
 * The core's one event and disposable style (shape-compatible with VS Code's, so a feature can hand
 * them straight to `context.subscriptions`): every core service that announces changes uses `Emitter`.
 */
/** Something that holds resources and releases them on `dispose()` (shape-compatible with `vscode.Disposable`). */
export interface Disposable {
  dispose(): void;
}

/** Subscribes a listener; the returned disposable unsubscribes it. */
export type Event<T> = (listener: (value: T) => void) => Disposable;

/** A minimal event emitter for the core (no `vscode`, no Node `events`). */
export class Emitter<T> implements Disposable {
  private listeners = new Set<(value: T) => void>();

  /** The event that listeners subscribe to. */
  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  /** Calls every listener; one that throws does not stop the others. */
  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch {
        // A faulty view must not break the index or the other views.
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}

/** Cancellation as the core sees it; `vscode.CancellationToken` satisfies it. */
export interface CancellationSignal {
  readonly isCancellationRequested: boolean;
}
