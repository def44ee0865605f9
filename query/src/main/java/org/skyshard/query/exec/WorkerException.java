package org.skyshard.query.exec;

/** A fragment failed at a worker, or the worker could not be reached. */
public final class WorkerException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean workerLost;

  public WorkerException(String message, boolean workerLost, Throwable cause) {
    super(message, cause);
    this.workerLost = workerLost;
  }

  /** True when the worker itself is gone (not just this fragment failing). */
  public boolean workerLost() {
    return workerLost;
  }
}
