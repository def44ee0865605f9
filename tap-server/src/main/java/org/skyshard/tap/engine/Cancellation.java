package org.skyshard.tap.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A handle to stop a query from another thread at any point, also while the engine is still
 * planning or waiting for its first row: the engine registers what stopping means
 * ({@link #onCancel}); the caller calls {@link #cancel()}.
 */
public final class Cancellation {
  private final List<Runnable> hooks = new ArrayList<>();
  private boolean cancelled;

  /** Runs {@code hook} on cancellation (at once, if already cancelled). */
  public void onCancel(Runnable hook) {
    synchronized (this) {
      if (!cancelled) {
        hooks.add(hook);
        return;
      }
    }
    hook.run();
  }

  /** Cancels: runs every registered hook once. */
  public void cancel() {
    List<Runnable> run;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      run = List.copyOf(hooks);
      hooks.clear();
    }
    run.forEach(Runnable::run);
  }

  public synchronized boolean isCancelled() {
    return cancelled;
  }
}
